package io.jxengine.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityViewTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void nestsStepsUnderTheirStagesInOrderWithDurations() {
    Activity a = activity(Status.Running, T0, null, List.of(
        new StepRecord(10, 1, null, StepKind.Stage, "build", 0, Status.Succeeded, T0,
            T0.plusSeconds(4), null, 1, ""),
        new StepRecord(12, 1, 10L, StepKind.Step, "second", 1, Status.Succeeded,
            T0.plusSeconds(2), T0.plusSeconds(4), 0, 1, ""),
        new StepRecord(11, 1, 10L, StepKind.Step, "first", 0, Status.Succeeded, T0,
            T0.plusSeconds(2), 0, 1, ""),
        new StepRecord(20, 1, null, StepKind.Stage, "deploy", 1, Status.Running,
            T0.plusSeconds(4), null, null, 1, ""),
        new StepRecord(21, 1, 20L, StepKind.Step, "push", 0, Status.Pending, null, null, null,
            0, "")));

    ActivityView v = ActivityView.of(a, "http://x/runs/1", T0.plusSeconds(10));

    assertThat(v.name()).isEqualTo("acme/widget/main #3");
    assertThat(v.durationMillis()).isEqualTo(10_000L);
    assertThat(v.stages()).extracting(ActivityView.StageView::name).containsExactly("build", "deploy");
    assertThat(v.stages()).extracting(ActivityView.StageView::column).containsExactly(0, 1);
    assertThat(v.stages().get(0).steps()).extracting(ActivityView.StepView::name)
        .containsExactly("first", "second");
    assertThat(v.stages().get(0).durationMillis()).isEqualTo(4_000L);
    assertThat(v.stages().get(1).durationMillis()).isEqualTo(6_000L);
    assertThat(v.stages().get(1).steps().get(0).durationMillis()).isNull();
    assertThat(ActivityView.logSteps(a)).extracting(StepRecord::id).containsExactly(12L, 11L, 21L);
  }

  @Test
  void anEndedRunWithoutAnEndTimeDoesNotKeepCounting() {
    Activity a = activity(Status.Error, T0, null, List.of());
    assertThat(ActivityView.of(a, "", T0.plusSeconds(99)).durationMillis()).isZero();
    assertThat(ActivityView.of(activity(Status.Pending, null, null, List.of()), "", T0)
        .durationMillis()).isNull();
  }

  private static Activity activity(Status status, Instant started, Instant completed,
      List<StepRecord> steps) {
    return new Activity(1, "acme", "widget", "main", 3, "release", status, started, completed,
        "https://github.com/acme/widget.git", "abc", "msg", "jdoe", null, null, null, "1.0.0",
        "native", "push", null, "", steps);
  }
}
