package io.jxengine.backend.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static io.jxengine.backend.kube.KubeHarness.eventually;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jxengine.activity.Status;
import io.jxengine.backend.Backend;
import io.jxengine.engine.RunOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-Pod fallback on a cluster whose API discovery has no {@code tekton.dev/v1} (a mock
 * expectation answers 404 for it, next to the CRUD objects): one pod per stage, created in order,
 * container states as steps, logs from the pod log path, cancel by deleting the pods.
 */
@EnableKubernetesMockClient(crud = true)
class KubePodFallbackIT {
  static final String NS = FakeTekton.NS;
  static final String RUN = "acme-widget-main-1";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  KubeHarness h;

  @BeforeEach
  void setUp() {
    server.expect().get().withPath("/apis/tekton.dev/v1").andReturn(404, "").always();
    h = new KubeHarness(dir, client);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  Pod awaitPod(String name) {
    eventually().until(() -> client.pods().inNamespace(NS).withName(name).get() != null);
    return client.pods().inNamespace(NS).withName(name).get();
  }

  void log(String pod, String container, String text) {
    server.expect().get()
        .withPath("/api/v1/namespaces/" + NS + "/pods/" + pod + "/log?pretty=false&container="
            + container + "&follow=true")
        .andReturn(200, text).always();
  }

  /** Plays the kubelet: every container ends with its exit code, in order, and the pod's phase. */
  void runPod(String name, int... exitCodes) {
    Pod pod = awaitPod(name);
    List<String> names = new ArrayList<>();
    pod.getSpec().getInitContainers().forEach(c -> names.add(c.getName()));
    pod.getSpec().getContainers().forEach(c -> names.add(c.getName()));
    List<ContainerStatus> statuses = new ArrayList<>();
    boolean failed = false;
    for (int i = 0; i < names.size(); i++) {
      var state = new ContainerStateBuilder();
      if (failed) {
        state.withNewWaiting().withReason("PodInitializing").endWaiting();
      } else {
        int exit = i < exitCodes.length ? exitCodes[i] : 0;
        state.withNewTerminated().withExitCode(exit).endTerminated();
        failed = exit != 0;
      }
      statuses.add(new ContainerStatusBuilder().withName(names.get(i)).withState(state.build()).build());
    }
    pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
        .withPhase(failed ? "Failed" : "Succeeded")
        .withInitContainerStatuses(statuses.subList(0, names.size() - 1))
        .withContainerStatuses(statuses.get(names.size() - 1))
        .build());
    client.pods().inNamespace(NS).resource(pod).updateStatus();
  }

  @Test
  void withoutTektonEachStageIsAPodCreatedAfterTheOnesItNeeds() throws Exception {
    CompletableFuture<RunOutcome> outcome =
        h.start(KubeRunServiceIT.twoStages(null), new Backend.CancelSignal());
    log(RUN + "-build", "compile", "compiling with " + KubeHarness.SECRET + "\n");
    log(RUN + "-build", "test", "ok\n");
    log(RUN + "-deploy", "push", "pushed\n");
    runPod(RUN + "-jx-clone", 0);
    assertThat(client.persistentVolumeClaims().inNamespace(NS).withName(RUN + "-source").get())
        .isNotNull();
    Pod build = awaitPod(RUN + "-build");
    assertThat(build.getMetadata().getAnnotations()).containsEntry(KubeRunService.ACTIVITY_ID, "1");
    assertThat(client.pods().inNamespace(NS).withName(RUN + "-deploy").get()).isNull();
    runPod(RUN + "-build", 0, 0);
    runPod(RUN + "-deploy", 0);

    RunOutcome done = outcome.get(60, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(Status.Succeeded);
    assertThat(h.activity().steps()).extracting(s -> s.name() + "=" + s.status())
        .containsExactly("build=Succeeded", "compile=Succeeded", "test=Succeeded",
            "deploy=Succeeded", "push=Succeeded");
    assertThat(h.log("compile")).containsExactly("compiling with ***");
    assertThat(h.log("push")).containsExactly("pushed");
  }

  @Test
  void aFailedPodFailsItsStageAndItsDependentsAreNotExecuted() throws Exception {
    CompletableFuture<RunOutcome> outcome =
        h.start(KubeRunServiceIT.twoStages(null), new Backend.CancelSignal());
    runPod(RUN + "-jx-clone", 0);
    runPod(RUN + "-build", 3);

    RunOutcome done = outcome.get(60, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(Status.Failed);
    assertThat(h.activity().steps()).extracting(s -> s.name() + "=" + s.status())
        .containsExactly("build=Failed", "compile=Failed", "test=NotExecuted",
            "deploy=NotExecuted", "push=Pending");
    assertThat(h.record("compile").exitCode()).isEqualTo(3);
    assertThat(h.activity().message()).isEqualTo("build/compile: exit code 3");
    assertThat(client.pods().inNamespace(NS).withName(RUN + "-deploy").get()).isNull();
  }

  @Test
  void cancelDeletesThePods() throws Exception {
    Backend.CancelSignal cancel = new Backend.CancelSignal();
    CompletableFuture<RunOutcome> outcome = h.start(KubeRunServiceIT.twoStages(null), cancel);
    awaitPod(RUN + "-jx-clone");
    cancel.cancel("stopped by a user");

    RunOutcome done = outcome.get(60, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(Status.Aborted);
    assertThat(h.activity().message()).isEqualTo("stopped by a user");
    assertThat(client.pods().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(h.status("build")).isEqualTo(Status.NotExecuted);
  }
}
