package io.jxengine.kube.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.kube.chart.RepoPaths;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The resource classes against fabric8's mock API server in CRUD mode, through a real client
 * (HTTP and JSON, with the project's Jackson): the committed CRD installs, activities are created,
 * found by label, and their status is written through the status subresource.
 */
@EnableKubernetesMockClient(crud = true)
class PipelineActivityCrudIT {
  static final String NS = "builds";
  static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void installCrd() throws Exception {
    try (InputStream in = Files.newInputStream(
        RepoPaths.chart().resolve("crds").resolve(CrdGenerationTest.FILE))) {
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
          .load(in).item();
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }

  static Activity running(String repo, int build, List<StepRecord> steps) {
    return new Activity(
        build, "acme", repo, "main", build, "release", Status.Running, T0, null,
        "https://github.com/acme/" + repo + ".git", "abc123", "msg", "jane", null, null, null,
        null, "native", "push", null, "", steps);
  }

  @Test
  void createsFindsByLabelAndUpdatesTheStatus() {
    var activities = client.resources(PipelineActivity.class).inNamespace(NS);
    Activity web = running("web", 1,
        List.of(new StepRecord(1, 1, null, StepKind.Stage, "build", 0, Status.Running, T0, null,
            null, 1, "")));
    PipelineActivity resource = ActivityResources.toResource(web);

    // With a status subresource the API server ignores status on create: write it afterwards.
    PipelineActivity created = activities.resource(resource).create();
    assertThat(created.getStatus()).isNull();
    created.setStatus(resource.getStatus());
    activities.resource(created).updateStatus();
    activities.resource(ActivityResources.toResource(running("api", 2, List.of()))).create();

    List<PipelineActivity> found =
        activities.withLabel(ActivityResources.LABEL_REPOSITORY, "web").list().getItems();
    assertThat(found).singleElement()
        .satisfies(a -> assertThat(ActivityResources.fromResource(a)).isEqualTo(web));

    Activity done = new Activity(
        web.id(), web.owner(), web.repo(), web.branch(), web.build(), web.context(),
        Status.Succeeded, web.started(), T0.plusSeconds(30), web.gitUrl(), web.commitSha(),
        web.commitMessage(), web.author(), web.pullTitle(), web.pullNumber(), web.baseSha(),
        web.version(), web.source(), web.event(), web.buildUrl(), "",
        List.of(new StepRecord(1, 1, null, StepKind.Stage, "build", 0, Status.Succeeded, T0,
            T0.plusSeconds(30), null, 1, "")));
    PipelineActivity current = activities.withName(ActivityResources.name(web)).get();
    current.setStatus(ActivityResources.toResource(done).getStatus());
    activities.resource(current).updateStatus();

    PipelineActivity read = activities.withName("acme-web-main-1").get();
    assertThat(ActivityResources.fromResource(read)).isEqualTo(done);
    assertThat(read.getSpec()).isEqualTo(resource.getSpec());
    assertThat(client.resources(PipelineActivity.class).inNamespace("elsewhere").list().getItems())
        .isEmpty();
  }

  @Test
  void aStatusUpdateCannotChangeTheSpec() {
    var activities = client.resources(PipelineActivity.class).inNamespace(NS);
    PipelineActivity created =
        activities.resource(ActivityResources.toResource(running("web", 3, List.of()))).create();

    created.getSpec().setContext("tampered");
    created.setStatus(ActivityResources.toResource(running("web", 3, List.of())).getStatus());
    activities.resource(created).updateStatus();

    PipelineActivity read = activities.withName(created.getMetadata().getName()).get();
    assertThat(read.getSpec().getContext()).isEqualTo("release");
    assertThat(read.getStatus().getStatus()).isEqualTo(Status.Running);
  }
}
