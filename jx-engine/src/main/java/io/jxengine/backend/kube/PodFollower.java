package io.jxengine.backend.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.pods.PodCompiler;
import io.jxengine.compile.pods.PodsResult;
import io.jxengine.engine.RunRecorder;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs and follows the plain-Pod fallback of one run (clusters without Tekton): creates the
 * source claim, then each Pod of {@link PodCompiler} once the pods it runs after have succeeded
 * (a pod whose dependency did not succeed is NotExecuted), then the finally pods: stage posts and
 * finally stages, then the pipeline's post, each per its run-if. A pod informer (the run's labels)
 * reports container states as steps, with the same {@link StepTracker} as Tekton runs. Cancel and
 * the pipeline timeout delete the run's pods. One event thread per run; no locks.
 */
final class PodFollower implements RunFollower {
  private static final Logger LOG = LoggerFactory.getLogger(PodFollower.class);

  private final KubernetesClient client;
  private final String namespace;
  private final PodsResult planned;
  private final Map<String, String> labels;
  private final Map<String, Pod> pods = new LinkedHashMap<>();
  private final Map<String, TaskLayout.Task> layout = new HashMap<>();
  private final Map<String, Status> podStatus = new HashMap<>();
  private final Map<String, String> podMessage = new HashMap<>();
  private final Map<String, Boolean> created = new HashMap<>();
  private final RunListener listener;
  private final EventThread events;
  private final StageReports stages;
  private final StepTracker steps;
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private SharedIndexInformer<Pod> informer;
  private volatile String engineStop;
  private volatile boolean timedOut;
  private boolean finishing;

  PodFollower(KubernetesClient client, String namespace, PodsResult planned, RunListener listener,
      StepLogs logs, ExecutorService logThreads) {
    this.client = client;
    this.namespace = namespace;
    this.planned = planned;
    this.labels = Map.copyOf(planned.claim().getMetadata().getLabels());
    for (Pod p : planned.pods()) {
      String name = p.getMetadata().getName();
      pods.put(name, p);
      layout.put(name, TaskLayout.fromAnnotations(name, p.getMetadata().getAnnotations()));
    }
    this.listener = listener;
    String run = planned.claim().getMetadata().getName();
    this.events = new EventThread("jxe-kube-" + run, this::failed);
    this.stages = new StageReports(listener);
    this.steps = new StepTracker(namespace, logs, logThreads, events.executor(), listener);
  }

  @Override
  public PodFollower start() {
    post(() -> {
      create(() -> client.persistentVolumeClaims().inNamespace(namespace).resource(planned.claim()).create());
      schedule();
    });
    informer = client.pods().inNamespace(namespace).withLabels(labels).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        post(() -> onPod(pod));
      }

      @Override
      public void onUpdate(Pod oldPod, Pod pod) {
        post(() -> onPod(pod));
      }

      @Override
      public void onDelete(Pod pod, boolean unknownFinalState) {
        post(() -> deleted(pod));
      }
    });
    return this;
  }

  @Override
  public CompletableFuture<Result> result() {
    return result;
  }

  @Override
  public void cancel(String why, boolean timedOut) {
    if (engineStop != null) {
      return;
    }
    this.timedOut = timedOut;
    this.engineStop = why;
    post(() -> {
      try {
        client.pods().inNamespace(namespace).withLabels(labels).delete();
      } catch (KubernetesClientException e) {
        LOG.warn("run {}: could not delete its pods: {}", planned.claim().getMetadata().getName(), e.getMessage());
      }
      finish(timedOut ? Status.TimedOut : Status.Aborted, why);
    });
  }

  @Override
  public void detach() {
    result.complete(new Result(Status.Running, "the engine stopped following the run"));
  }

  @Override
  public String engineStop() {
    return engineStop;
  }

  private void post(Runnable r) {
    events.post(r);
  }

  private void failed(RuntimeException e) {
    LOG.error("run {}: engine error while following it", planned.claim().getMetadata().getName(), e);
    result.completeExceptionally(e);
  }


  /** Creates what may start now; ends the run when nothing is left to decide. */
  private void schedule() {
    if (finishing) {
      return;
    }
    boolean mainDone = decided("tasks", false);
    for (Pod p : pods.values()) {
      String name = p.getMetadata().getName();
      if (created.containsKey(name) || podStatus.containsKey(name)) {
        continue;
      }
      Map<String, String> a = p.getMetadata().getAnnotations();
      String phase = a.get(PodCompiler.PHASE);
      String runIf = a.get(PodCompiler.RUN_IF);
      List<String> after = a.get(PodCompiler.RUN_AFTER) == null ? List.of() : List.of(a.get(PodCompiler.RUN_AFTER).split(","));
      if ("tasks".equals(phase)) {
        decideTask(p, after);
      } else if (mainDone && (runIf == null || !after.isEmpty())) {
        decidePost(p, after.isEmpty() ? null : after.get(0), runIf); // finally stages, stage posts
      } else if (mainDone && decided("finally", true)) {
        decidePost(p, null, runIf); // the pipeline's post, after everything else
      }
    }
    if (pods.keySet().stream().allMatch(podStatus::containsKey)) {
      finish(failed() ? Status.Failed : Status.Succeeded, "");
    }
  }

  private void decideTask(Pod p, List<String> after) {
    for (String dep : after) {
      Status s = podStatus.get(dep);
      if (s == null) {
        return; // still waiting
      }
      if (s != Status.Succeeded) {
        skip(p, "not executed: dependency `" + layout.get(dep).stage() + "` did not succeed");
        return;
      }
    }
    submit(p);
  }

  private void decidePost(Pod p, String of, String runIf) {
    boolean ok = !failed();
    if (of != null) {
      Status s = podStatus.get(of);
      if (s == null || s == Status.NotExecuted) {
        podStatus.put(p.getMetadata().getName(), Status.NotExecuted); // the stage did not run
        return;
      }
      ok = s == Status.Succeeded;
    }
    if (runIf == null || "always".equals(runIf) || "success".equals(runIf) == ok) {
      submit(p);
    } else {
      podStatus.put(p.getMetadata().getName(), Status.NotExecuted); // post not reported, as locally
    }
  }

  /** True when every pod of {@code phase} has a final status (pipeline post pods excluded). */
  private boolean decided(String phase, boolean withoutPipelinePost) {
    return pods.values().stream()
        .filter(p -> phase.equals(p.getMetadata().getAnnotations().get(PodCompiler.PHASE)))
        .filter(p -> !withoutPipelinePost || !isPipelinePost(p))
        .allMatch(p -> podStatus.containsKey(p.getMetadata().getName()));
  }

  private boolean isPipelinePost(Pod p) {
    Map<String, String> a = p.getMetadata().getAnnotations();
    return a.get(PodCompiler.RUN_IF) != null && a.get(PodCompiler.RUN_AFTER) == null;
  }

  private boolean failed() {
    return podStatus.values().stream().anyMatch(Status::isFailure);
  }

  private void skip(Pod p, String why) {
    String name = p.getMetadata().getName();
    podStatus.put(name, Status.NotExecuted);
    TaskLayout.Task t = layout.get(name);
    if ("steps".equals(t.phase())) {
      stages.end(t.stage(), Status.NotExecuted, why);
    }
  }

  private void submit(Pod p) {
    created.put(p.getMetadata().getName(), true);
    create(() -> client.pods().inNamespace(namespace).resource(p).create());
  }

  /** Creates an object; one that exists already (an earlier submission) is kept. */
  private void create(Runnable create) {
    try {
      create.run();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        finish(Status.Error, "the cluster refused the run: " + e.getMessage());
      }
    }
  }

  private void onPod(Pod pod) {
    String name = pod.getMetadata().getName();
    TaskLayout.Task task = layout.get(name);
    if (finishing || task == null || pod.getStatus() == null) {
      return;
    }
    List<ContainerStatus> containers = new ArrayList<>();
    if (pod.getStatus().getInitContainerStatuses() != null) {
      containers.addAll(pod.getStatus().getInitContainerStatuses());
    }
    if (pod.getStatus().getContainerStatuses() != null) {
      containers.addAll(pod.getStatus().getContainerStatuses());
    }
    for (ContainerStatus c : containers) {
      Status s = PodStatuses.ofContainer(c);
      if (s == Status.Pending) {
        continue;
      }
      if (!task.isClone()) {
        stages.start(task.stage());
      }
      StepTracker.Where w = new StepTracker.Where(task.stage(), task.stepName(c.getName()), task.phase(), 1, name, c.getName());
      if (s == Status.Running) {
        steps.running(w);
      } else {
        steps.ended(w, s, c.getState().getTerminated().getExitCode(), PodStatuses.message(c, s));
      }
    }
    Status status = PodStatuses.ofPod(pod);
    if (!status.isTerminal() || podStatus.containsKey(name)) {
      return;
    }
    podStatus.put(name, status);
    podMessage.put(name, PodStatuses.describe(pod));
    for (String step : task.steps()) {
      StepTracker.Where w = new StepTracker.Where(task.stage(), step, task.phase(), 1, name, null);
      if (!steps.started(w) && status != Status.Succeeded && !task.isClone()) {
        steps.ended(w, Status.NotExecuted, null, "not executed: an earlier step did not succeed");
      }
    }
    if (!task.isClone()) {
      steps.drained().thenRunAsync(() -> endStageOf(task), events.executor());
    }
    schedule();
  }

  private void deleted(Pod pod) {
    String name = pod.getMetadata().getName();
    if (!finishing && !podStatus.containsKey(name) && layout.containsKey(name)) {
      podStatus.put(name, Status.Error);
      podMessage.put(name, "the pod was deleted");
      endStageOf(layout.get(name));
      schedule();
    }
  }

  /** A stage's status: its pod's, made Failed by a failed post pod. */
  private void endStageOf(TaskLayout.Task task) {
    Status status = null;
    String why = "";
    for (Map.Entry<String, TaskLayout.Task> e : layout.entrySet()) {
      TaskLayout.Task t = e.getValue();
      Status s = podStatus.get(e.getKey());
      if (!t.stage().equals(task.stage()) || s == null || s == Status.NotExecuted) {
        continue;
      }
      if (status == null || status == Status.Succeeded && s != Status.Succeeded) {
        status = s;
        why = s == Status.Succeeded ? "" : (RunRecorder.POST.equals(t.phase()) ? "post: " : "") + podMessage.get(e.getKey());
      }
    }
    if (status != null) {
      stages.end(task.stage(), status, why);
    }
  }

  private void finish(Status status, String message) {
    if (finishing) {
      return;
    }
    finishing = true;
    steps.drained().thenRunAsync(() -> {
      stages.endOpen(layout.values(), message.isEmpty() ? status.toString() : message);
      result.complete(new Result(timedOut ? Status.TimedOut : status, cloneFailure(message)));
    }, events.executor());
  }

  private String cloneFailure(String message) {
    for (Map.Entry<String, TaskLayout.Task> e : layout.entrySet()) {
      Status s = podStatus.get(e.getKey());
      if (e.getValue().isClone() && s != null && s.isFailure()) {
        return "workspace: the clone failed: " + podMessage.get(e.getKey());
      }
    }
    return message;
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    events.shutdown();
  }
}
