package io.jxengine.backend.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.tekton.pipeline.v1.StepState;
import io.jxengine.activity.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TektonStatusesTest {
  @ParameterizedTest
  @CsvSource({
    "Unknown, Running, Running",
    "Unknown, Started, Running",
    "Unknown, PipelineRunPending, Pending",
    "True, Succeeded, Succeeded",
    "True, Completed, Succeeded",
    "False, Failed, Failed",
    "False, PipelineRunTimeout, TimedOut",
    "False, Cancelled, Aborted",
    "False, CancelledRunFinally, Aborted",
    "False, StoppedRunFinally, Aborted",
    "False, CouldntGetPipeline, Error",
  })
  void pipelineRunConditions(String status, String reason, Status expected) {
    assertThat(TektonStatuses.ofRun(FakeTekton.condition(status, reason))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "Unknown, Running, Running",
    "Unknown, Pending, Pending",
    "True, Succeeded, Succeeded",
    "False, Failed, Failed",
    "False, TaskRunTimeout, TimedOut",
    "False, TaskRunCancelled, Aborted",
    "False, TaskRunImagePullFailed, Error",
  })
  void taskRunConditions(String status, String reason, Status expected) {
    assertThat(TektonStatuses.ofTask(FakeTekton.condition(status, reason))).isEqualTo(expected);
  }

  @Test
  void noConditionYetIsPendingAndOnlySucceededCounts() {
    assertThat(TektonStatuses.ofRun(null)).isEqualTo(Status.Pending);
    var other = FakeTekton.condition("False", "Failed");
    other.setType("Ready");
    assertThat(TektonStatuses.succeeded(List.of(other))).isNull();
  }

  @Test
  void stepStatesFromTheirContainers() {
    StepState waiting = new StepState();
    assertThat(TektonStatuses.ofStep(waiting)).isEqualTo(Status.Pending);
    StepState running = new StepState();
    running.setRunning(new ContainerStateRunning("2026-11-30T10:00:00Z"));
    assertThat(TektonStatuses.ofStep(running)).isEqualTo(Status.Running);
    assertThat(TektonStatuses.ofStep(ended(0, null))).isEqualTo(Status.Succeeded);
    assertThat(TektonStatuses.ofStep(ended(2, null))).isEqualTo(Status.Failed);
    assertThat(TektonStatuses.stepMessage(ended(2, null), Status.Failed)).isEqualTo("exit code 2");
    assertThat(TektonStatuses.ofStep(ended(1, "Skipped"))).isEqualTo(Status.NotExecuted);
    assertThat(TektonStatuses.ofStep(ended(1, "TimeoutExceeded"))).isEqualTo(Status.TimedOut);
    assertThat(TektonStatuses.ofStep(ended(1, "TaskRunCancelled"))).isEqualTo(Status.Aborted);
  }

  static StepState ended(int exit, String terminationReason) {
    StepState s = new StepState();
    s.setTerminated(new ContainerStateTerminatedBuilder().withExitCode(exit).build());
    if (terminationReason != null) {
      s.setAdditionalProperty("terminationReason", terminationReason);
    }
    return s;
  }
}
