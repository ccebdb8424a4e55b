package io.jxengine.kube.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityResourcesTest {
  static final Instant T0 = Instant.parse("2026-11-30T10:15:30.123456789Z");

  static Activity activity(List<StepRecord> steps) {
    return new Activity(
        42, "acme", "web-app", "main", 7, "release", Status.Failed, T0, T0.plusSeconds(90),
        "https://github.com/acme/web-app.git", "0123456789abcdef0123456789abcdef01234567",
        "Fix the build\n\nwith a body", "jane", "Add things", 12, "fedcba98", "1.2.3", "native",
        "pull_request", "https://ci.example.com/acme/web-app/main/7", "stage build failed",
        steps);
  }

  static List<StepRecord> steps() {
    // Ordered by id as the stores return them: the two stages' steps are interleaved.
    return List.of(
        new StepRecord(1, 42, null, StepKind.Stage, "build", 0, Status.Failed, T0,
            T0.plusSeconds(60), null, 1, "step compile failed"),
        new StepRecord(2, 42, null, StepKind.Stage, "lint", 1, Status.Succeeded, T0, T0, null, 1, ""),
        new StepRecord(3, 42, 1L, StepKind.Step, "compile", 0, Status.Failed, T0,
            T0.plusSeconds(59), 2, 3, "exit code 2"),
        new StepRecord(4, 42, 2L, StepKind.Step, "check", 0, Status.Succeeded, T0, T0, 0, 1, ""),
        new StepRecord(5, 42, 1L, StepKind.Step, "package", 1, Status.NotExecuted, null, null,
            null, 0, "an earlier step failed"),
        new StepRecord(6, 42, null, StepKind.Promote, "staging", 2, Status.Pending, null, null,
            null, 0, ""));
  }

  @Test
  void roundTripsThroughTheResourceAndItsYaml() {
    Activity original = activity(steps());

    PipelineActivity resource = ActivityResources.toResource(original);
    String yaml = Serialization.asYaml(resource);
    PipelineActivity read = Serialization.unmarshal(yaml, PipelineActivity.class);

    assertThat(yaml).contains("apiVersion: \"jx-engine.io/v1\"", "kind: \"PipelineActivity\"");
    assertThat(read).isEqualTo(resource);
    assertThat(ActivityResources.fromResource(read)).isEqualTo(original);
  }

  @Test
  void roundTripsAnActivityThatHasNotStarted() {
    Activity pending =
        new Activity(1, "o", "r", "b", 1, "pr", Status.Pending, null, null, null, null, null,
            null, null, null, null, null, "native", "push", null, "", List.of());

    PipelineActivity read =
        Serialization.unmarshal(
            Serialization.asYaml(ActivityResources.toResource(pending)), PipelineActivity.class);

    assertThat(ActivityResources.fromResource(read)).isEqualTo(pending);
  }

  @Test
  void nestsStepsUnderTheirStagesAsJenkinsXDoes() {
    PipelineActivity resource = ActivityResources.toResource(activity(steps()));

    assertThat(resource.getStatus().getSteps())
        .extracting(CoreActivityStep::getName)
        .containsExactly("build", "lint", "staging");
    assertThat(resource.getStatus().getSteps().get(0).getSteps())
        .extracting(CoreActivityStep::getName)
        .containsExactly("compile", "package");
    assertThat(resource.getSpec().getPipeline()).isEqualTo("acme/web-app/main");
    assertThat(resource.getSpec().getBuild()).isEqualTo("7");
  }

  @Test
  void namesAndLabelsTheResourceByRepositoryAndBuild() {
    PipelineActivity resource = ActivityResources.toResource(activity(List.of()));

    assertThat(resource.getMetadata().getName()).isEqualTo("acme-web-app-main-7");
    assertThat(resource.getMetadata().getLabels())
        .containsEntry(ActivityResources.LABEL_OWNER, "acme")
        .containsEntry(ActivityResources.LABEL_REPOSITORY, "web-app")
        .containsEntry(ActivityResources.LABEL_BRANCH, "main")
        .containsEntry(ActivityResources.LABEL_BUILD, "7")
        .containsEntry(ActivityResources.LABEL_CONTEXT, "release")
        .containsEntry(ActivityResources.LABEL_ACTIVITY_ID, "42");
    assertThat(resource.getApiVersion()).isEqualTo("jx-engine.io/v1");
    assertThat(resource.getKind()).isEqualTo("PipelineActivity");
  }

  @Test
  void aStepWithoutItsStageIsRefused() {
    List<StepRecord> orphan =
        List.of(new StepRecord(9, 42, 8L, StepKind.Step, "x", 0, Status.Pending, null, null,
            null, 0, ""));

    assertThatThrownBy(() -> ActivityResources.toResource(activity(orphan)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
