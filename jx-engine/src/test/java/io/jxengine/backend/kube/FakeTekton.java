package io.jxengine.backend.kube;

import static io.jxengine.backend.kube.KubeHarness.eventually;

import io.fabric8.knative.internal.pkg.apis.Condition;
import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.tekton.pipeline.v1.ChildStatusReference;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.fabric8.tekton.pipeline.v1.PipelineRunStatus;
import io.fabric8.tekton.pipeline.v1.PipelineTask;
import io.fabric8.tekton.pipeline.v1.StepState;
import io.fabric8.tekton.pipeline.v1.TaskRun;
import io.fabric8.tekton.pipeline.v1.TaskRunBuilder;
import io.fabric8.tekton.pipeline.v1.TaskRunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Plays the Tekton controller against fabric8's mock API server: writes TaskRuns (with the labels
 * and annotations Tekton copies from the PipelineRun and its embedded task), their step states and
 * conditions, and the PipelineRun's {@code childReferences} and conditions, as Tekton would. Step
 * logs are mock expectations on the pod log path, next to the CRUD objects.
 */
final class FakeTekton {
  static final String NS = "builds";

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  /** False: TaskRuns lack the {@code tekton.dev/pipelineTask} label (found by childReferences). */
  boolean taskLabel = true;

  /** Also answers API discovery for {@code tekton.dev/v1} as a cluster with Tekton does. */
  FakeTekton(KubernetesMockServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
    server.expect().get().withPath("/apis/tekton.dev/v1")
        .andReturn(200, new io.fabric8.kubernetes.api.model.APIResourceListBuilder()
            .withGroupVersion("tekton.dev/v1")
            .addNewResource().withKind("PipelineRun").withName("pipelineruns").withNamespaced(true).endResource()
            .addNewResource().withKind("TaskRun").withName("taskruns").withNamespaced(true).endResource()
            .build())
        .always();
  }

  /** Waits for the executor to create the (only) PipelineRun, and returns it. */
  PipelineRun awaitRun() {
    eventually().until(() -> !runs().isEmpty());
    return runs().get(0);
  }

  List<PipelineRun> runs() {
    return client.resources(PipelineRun.class).inNamespace(NS).list().getItems();
  }

  PipelineRun get(String name) {
    return client.resources(PipelineRun.class).inNamespace(NS).withName(name).get();
  }

  /** The pod of a task's TaskRun. */
  static String pod(PipelineRun run, String task) {
    return run.getMetadata().getName() + "-" + task + "-pod";
  }

  /** Serves a step container's log (the CRUD mock does not serve logs). */
  void log(PipelineRun run, String task, String step, String text) {
    server.expect().get()
        .withPath("/api/v1/namespaces/" + NS + "/pods/" + pod(run, task)
            + "/log?pretty=false&container=step-" + step + "&follow=true")
        .andReturn(200, text).always();
  }

  /** Creates the TaskRun of {@code task} with its steps waiting, as Tekton does when it starts it. */
  TaskRun startTask(PipelineRun run, String task) {
    PipelineTask spec = task(run, task);
    Map<String, String> labels = new LinkedHashMap<>(run.getMetadata().getLabels());
    labels.put("tekton.dev/pipelineRun", run.getMetadata().getName());
    if (taskLabel) {
      labels.put("tekton.dev/pipelineTask", task);
    }
    TaskRun tr = new TaskRunBuilder()
        .withNewMetadata().withName(run.getMetadata().getName() + "-" + task).withNamespace(NS)
        .withLabels(labels).withAnnotations(spec.getTaskSpec().getMetadata().getAnnotations())
        .endMetadata()
        .withNewSpec().endSpec()
        .build();
    TaskRun created = client.resources(TaskRun.class).inNamespace(NS).resource(tr).create();
    TaskRunStatus status = new TaskRunStatus();
    status.setPodName(pod(run, task));
    status.setConditions(List.of(condition("Unknown", "Running")));
    List<StepState> steps = new ArrayList<>();
    for (var s : spec.getTaskSpec().getSteps()) {
      StepState st = new StepState();
      st.setName(s.getName());
      st.setContainer("step-" + s.getName());
      st.setWaiting(new io.fabric8.kubernetes.api.model.ContainerStateWaiting(null, "PodInitializing"));
      steps.add(st);
    }
    status.setSteps(steps);
    created.setStatus(status);
    created = client.resources(TaskRun.class).inNamespace(NS).resource(created).updateStatus();
    PipelineRun current = get(run.getMetadata().getName());
    PipelineRunStatus prs = current.getStatus() == null ? new PipelineRunStatus() : current.getStatus();
    List<ChildStatusReference> children = prs.getChildReferences() == null ? new ArrayList<>() : new ArrayList<>(prs.getChildReferences());
    children.add(new ChildStatusReference("tekton.dev/v1", "TaskRun", created.getMetadata().getName(), task, List.of()));
    prs.setChildReferences(children);
    if (prs.getConditions() == null) {
      prs.setConditions(List.of(condition("Unknown", "Running")));
    }
    current.setStatus(prs);
    client.resources(PipelineRun.class).inNamespace(NS).resource(current).updateStatus();
    return created;
  }

  /** Step {@code index} of the task's TaskRun starts running. */
  void stepRunning(PipelineRun run, String task, int index) {
    editTask(run, task, st -> {
      StepState s = st.getSteps().get(index);
      s.setWaiting(null);
      s.setRunning(new ContainerStateRunning("2026-11-30T10:00:00Z"));
    });
  }

  /** Step {@code index} ends with {@code exitCode} (and Tekton's {@code terminationReason}). */
  void stepEnded(PipelineRun run, String task, int index, int exitCode, String terminationReason) {
    editTask(run, task, st -> {
      StepState s = st.getSteps().get(index);
      s.setWaiting(null);
      s.setRunning(null);
      s.setTerminated(new ContainerStateTerminatedBuilder().withExitCode(exitCode)
          .withReason(exitCode == 0 ? "Completed" : "Error").build());
      if (terminationReason != null) {
        s.setAdditionalProperty("terminationReason", terminationReason);
      }
    });
  }

  /** The TaskRun's {@code Succeeded} condition. */
  void taskEnded(PipelineRun run, String task, String status, String reason) {
    editTask(run, task, st -> st.setConditions(List.of(condition(status, reason))));
  }

  /** Runs a task to success: started, every step run and ended with 0. */
  void succeed(PipelineRun run, String task) {
    startTask(run, task);
    int n = task(run, task).getTaskSpec().getSteps().size();
    for (int i = 0; i < n; i++) {
      stepRunning(run, task, i);
      stepEnded(run, task, i, 0, null);
    }
    taskEnded(run, task, "True", "Succeeded");
  }

  /** The PipelineRun's {@code Succeeded} condition (and tasks Tekton skipped). */
  void runEnded(PipelineRun run, String status, String reason, String... skipped) {
    PipelineRun current = get(run.getMetadata().getName());
    PipelineRunStatus prs = current.getStatus() == null ? new PipelineRunStatus() : current.getStatus();
    prs.setConditions(List.of(condition(status, reason)));
    prs.setSkippedTasks(Stream.of(skipped)
        .map(s -> new io.fabric8.tekton.pipeline.v1.SkippedTask(s, "PipelineRun was stopping", List.of()))
        .toList());
    current.setStatus(prs);
    client.resources(PipelineRun.class).inNamespace(NS).resource(current).updateStatus();
  }

  private void editTask(PipelineRun run, String task, java.util.function.Consumer<TaskRunStatus> edit) {
    var ref = client.resources(TaskRun.class).inNamespace(NS).withName(run.getMetadata().getName() + "-" + task);
    TaskRun tr = ref.get();
    edit.accept(tr.getStatus());
    client.resources(TaskRun.class).inNamespace(NS).resource(tr).updateStatus();
  }

  static PipelineTask task(PipelineRun run, String task) {
    List<PipelineTask> all = new ArrayList<>(run.getSpec().getPipelineSpec().getTasks());
    if (run.getSpec().getPipelineSpec().getFinally() != null) {
      all.addAll(run.getSpec().getPipelineSpec().getFinally());
    }
    return all.stream().filter(t -> t.getName().equals(task)).findFirst().orElseThrow();
  }

  static Condition condition(String status, String reason) {
    Condition c = new Condition();
    c.setType("Succeeded");
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(reason);
    return c;
  }
}
