package io.jxengine.backend.local;

import static io.jxengine.backend.local.Plans.plan;
import static io.jxengine.backend.local.Plans.stage;
import static io.jxengine.backend.local.Plans.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Status;
import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.compile.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps hand variables to later steps through {@code $JXE_ENV}, and set their own message. */
class StepExportsIT {
  @TempDir Path tmp;
  final RecordingListener listener = new RecordingListener();

  Status run(Plan plan) throws IOException {
    return new LocalBackend(tmp.resolve("scripts"))
        .run(plan, Files.createDirectories(tmp.resolve("ws")), Map.of(), listener,
            new CancelSignal());
  }

  @Test
  void laterStepsSeeWhatASucceededStepExported() throws IOException {
    Plan p = plan(
        stage("deploy").steps(
            step("make", "echo 'PREVIEW_URL=http://a.example' >> \"$JXE_ENV\"\n"
                + "echo 'bad name=x' >> \"$JXE_ENV\"\n"
                + "echo 'OWN=exported' >> \"$JXE_ENV\"\n"
                + "echo 'JXE_STEP_MESSAGE=preview at http://a.example' >> \"$JXE_ENV\""),
            step("use", "echo \"url=$PREVIEW_URL own=$OWN msg=${JXE_STEP_MESSAGE:-none}\"",
                Map.of("OWN", "mine"))).build(),
        stage("next").needs("deploy").steps(step("again", "echo \"url=$PREVIEW_URL\"")).build());

    assertThat(run(p)).isEqualTo(Status.Succeeded);
    assertThat(listener.log("deploy", "use"))
        .containsExactly("url=http://a.example own=mine msg=none");
    assertThat(listener.log("next", "again")).containsExactly("url=http://a.example");
    assertThat(listener.step("deploy", "make").message()).isEqualTo("preview at http://a.example");
  }

  @Test
  void aFailedStepExplainsItselfInItsMessage() throws IOException {
    Plan p = plan(stage("deploy").steps(
        step("make", "echo 'JXE_STEP_MESSAGE=chart failed to render' >> \"$JXE_ENV\"\nexit 1"))
        .build());

    assertThat(run(p)).isEqualTo(Status.Failed);
    assertThat(listener.step("deploy", "make").message())
        .isEqualTo("exit code 1: chart failed to render");
  }
}
