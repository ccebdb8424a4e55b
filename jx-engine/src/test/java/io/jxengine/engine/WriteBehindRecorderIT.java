package io.jxengine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepRecord;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
import io.jxengine.compile.PlanStep;
import io.jxengine.logs.FileLogStore;
import io.jxengine.logs.SecretValueMasker;
import io.jxengine.store.Activities;
import io.jxengine.store.SqliteActivityStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written behind the backend's threads end up exactly as if written at once. */
class WriteBehindRecorderIT {
  @TempDir Path dir;

  @Test
  void everyStepsLastStateIsInTheStoreAfterCloseAll() {
    List<PlanStep> steps = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      steps.add(new PlanStep("s" + i, "true", null, null, Map.of(), null, 0));
    }
    Plan plan = new Plan("p", List.of(new PlanStage("a", List.of(), null, null, List.of(), steps,
        List.of(), List.of(), List.of())), List.of(), null, null, 4);
    try (SqliteActivityStore store = SqliteActivityStore.open(dir.resolve("jxe.db"))) {
      long id = store.create(Activities.of("o", "r", "main")).id();
      RunRecorder recorder = RunRecorder.start(store, new FileLogStore(dir.resolve("logs")), id,
          plan, new SecretValueMasker(List.of("s3cret")), RunListener.NONE, true);
      RunListener l = recorder.listener();
      l.stage("a", Status.Running, "");
      for (int i = 0; i < 50; i++) {
        l.step("a", "s" + i, "steps", Status.Running, 1, null, "");
        l.process("a", "s" + i, 4242, 1000 + i);
        l.log("a", "s" + i, "line with s3cret");
        l.step("a", "s" + i, "steps", i == 49 ? Status.Failed : Status.Succeeded, 1,
            i == 49 ? 3 : 0, i == 49 ? "exit code 3 s3cret" : "");
      }
      l.stage("a", Status.Failed, "step `s49` failed");
      recorder.closeAll();

      Activity a = store.get(id).orElseThrow();
      List<StepRecord> records = a.steps().stream()
          .filter(r -> r.parentId() != null).toList();
      assertThat(records).hasSize(50);
      for (StepRecord r : records) {
        boolean last = r.name().equals("s49");
        assertThat(r.status()).isEqualTo(last ? Status.Failed : Status.Succeeded);
        assertThat(r.started()).isNotNull();
        assertThat(r.completed()).isNotNull();
        assertThat(r.exitCode()).isEqualTo(last ? 3 : 0);
      }
      StepRecord last = records.stream().filter(r -> r.name().equals("s49")).findFirst().get();
      assertThat(last.message()).doesNotContain("s3cret");
      assertThat(recorder.firstFailure()).startsWith("a/s49");
      StepRecord stage = a.steps().stream().filter(r -> r.parentId() == null).findFirst().get();
      assertThat(stage.status()).isEqualTo(Status.Failed);
    }
  }
}
