package io.jxengine.backend.kube;

import io.fabric8.knative.internal.pkg.apis.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.tekton.pipeline.v1.ChildStatusReference;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.fabric8.tekton.pipeline.v1.SkippedTask;
import io.fabric8.tekton.pipeline.v1.StepState;
import io.fabric8.tekton.pipeline.v1.TaskRun;
import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.LocalCompiler;
import io.jxengine.compile.tekton.TektonCompiler;
import io.jxengine.engine.RunRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one PipelineRun to its end with two informers (the PipelineRun, and its TaskRuns, both
 * selected by the run's labels) and reports what Tekton writes into their status to a {@link
 * RunListener}, as the local backend reports its processes: stages Running and ended, each step
 * Running and ended with its exit code (after its log has been read), retries as new attempts.
 *
 * <p>Every informer event is handled on one event thread per run, so the state needs no locks.
 * Step logs stream on {@code logThreads}. {@link #result} completes once the PipelineRun has a
 * final {@code Succeeded} condition and everything it ran has been reported. {@link #cancel} may
 * be called from any thread.
 */
final class TektonFollower implements RunFollower {
  private static final Logger LOG = LoggerFactory.getLogger(TektonFollower.class);
  private static final String PIPELINE_TASK = "tekton.dev/pipelineTask";

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final Map<String, String> labels;
  private final Map<String, TaskLayout.Task> layout;
  private final RunListener listener;
  private final EventThread events;
  private final StageReports stages;
  private final StepTracker steps;
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  private final Map<String, Status> taskStatus = new HashMap<>();
  /** TaskRun name to pipeline task, from the PipelineRun's {@code status.childReferences}. */
  private final Map<String, String> children = new HashMap<>();
  private final Map<String, String> taskMessage = new HashMap<>();
  private final List<String> stagesWithPost;
  private volatile String engineStop;
  private volatile boolean timedOut;
  private boolean finishing;

  TektonFollower(
      KubernetesClient client, String namespace, PipelineRun run, RunListener listener,
      StepLogs logs, ExecutorService logThreads) {
    this.client = client;
    this.namespace = namespace;
    this.name = run.getMetadata().getName();
    this.labels = Map.copyOf(run.getMetadata().getLabels());
    this.layout = TaskLayout.read(run);
    this.stagesWithPost = TaskLayout.stagesWithPost(layout);
    this.listener = listener;
    this.events = new EventThread("jxe-kube-" + name, this::failed);
    this.stages = new StageReports(listener);
    this.steps = new StepTracker(namespace, logs, logThreads, events.executor(), listener);
  }

  /** Starts the informers; their first list also replays what happened before (re-attach). */
  @Override
  public TektonFollower start() {
    informers.add(client.resources(PipelineRun.class).inNamespace(namespace).withLabels(labels)
        .inform(handler(this::onRun)));
    informers.add(client.resources(TaskRun.class).inNamespace(namespace).withLabels(labels)
        .inform(handler(this::onTask)));
    return this;
  }

  @Override
  public CompletableFuture<Result> result() {
    return result;
  }

  /**
   * Stops following without touching the run, which goes on on the cluster (the engine is
   * shutting down; the next one re-attaches): {@link #result} completes as Running.
   */
  @Override
  public void detach() {
    result.complete(new Result(Status.Running, "the engine stopped following the run"));
  }

  /** Why the engine stopped the run (cancel, timeout), or null. */
  @Override
  public String engineStop() {
    return engineStop;
  }

  /**
   * Asks Tekton to stop the run ({@code spec.status: Cancelled}); the run ends when Tekton says
   * so. {@code timedOut}: the engine stops it because the pipeline's time is up.
   */
  @Override
  public void cancel(String why, boolean timedOut) {
    if (engineStop != null) {
      return;
    }
    this.timedOut = timedOut;
    this.engineStop = why;
    try {
      client.resources(PipelineRun.class).inNamespace(namespace).withName(name)
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"status\":\"Cancelled\"}}");
    } catch (RuntimeException e) {
      LOG.warn("PipelineRun {}: could not cancel it: {}", name, e.getMessage());
    }
  }

  private <T> ResourceEventHandler<T> handler(Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        post(() -> onChange.accept(obj));
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        post(() -> onChange.accept(newObj));
      }

      @Override
      public void onDelete(T obj, boolean unknownFinalState) {
        if (obj instanceof PipelineRun) {
          post(this::deleted);
        }
      }

      private void deleted() {
        if (!result.isDone() && !finishing) {
          finish(Status.Error, "the PipelineRun was deleted");
        }
      }
    };
  }

  private void post(Runnable r) {
    events.post(r);
  }

  private void failed(RuntimeException e) {
    LOG.error("PipelineRun {}: engine error while following it", name, e);
    result.completeExceptionally(e);
  }


  private void onRun(PipelineRun run) {
    if (finishing || run.getStatus() == null) {
      return;
    }
    if (run.getStatus().getChildReferences() != null) {
      for (ChildStatusReference c : run.getStatus().getChildReferences()) {
        children.put(c.getName(), c.getPipelineTaskName());
      }
    }
    if (run.getStatus().getSkippedTasks() != null) {
      for (SkippedTask s : run.getStatus().getSkippedTasks()) {
        TaskLayout.Task t = layout.get(s.getName());
        if (t != null && "steps".equals(t.phase()) && !stages.reported(t.stage())) {
          stages.end(t.stage(), Status.NotExecuted, "skipped: " + s.getReason());
        }
      }
    }
    Condition c = TektonStatuses.succeeded(run.getStatus().getConditions());
    Status status = TektonStatuses.ofRun(c);
    if (status.isTerminal()) {
      String message = TektonStatuses.describe(c);
      // the TaskRun informer may be behind the PipelineRun's: read the TaskRuns once more
      client.resources(TaskRun.class).inNamespace(namespace).withLabels(labels).list().getItems()
          .forEach(this::onTask);
      finish(status, message);
    }
  }

  private void onTask(TaskRun tr) {
    if (finishing || tr.getStatus() == null) {
      return;
    }
    String taskName = tr.getMetadata().getLabels() == null ? null : tr.getMetadata().getLabels().get(PIPELINE_TASK);
    if (taskName == null) {
      taskName = children.get(tr.getMetadata().getName());
    }
    TaskLayout.Task task = taskName == null ? null : layout.get(taskName);
    if (task == null) {
      return;
    }
    int attempt = tr.getStatus().getRetriesStatus() == null ? 1 : tr.getStatus().getRetriesStatus().size() + 1;
    String pod = tr.getStatus().getPodName();
    List<StepState> states = tr.getStatus().getSteps() == null ? List.of() : tr.getStatus().getSteps();
    Status status = TektonStatuses.ofTask(TektonStatuses.succeeded(tr.getStatus().getConditions()));
    for (StepState s : states) {
      Status stepStatus = TektonStatuses.ofStep(s);
      if (stepStatus == Status.Pending) {
        continue;
      }
      if (!task.isClone()) {
        stages.start(task.stage());
      }
      StepTracker.Where w = new StepTracker.Where(
          task.stage(), task.stepName(s.getName()), task.phase(), attempt, pod,
          s.getContainer() == null ? "step-" + s.getName() : s.getContainer());
      if (stepStatus == Status.Running) {
        steps.running(w);
      } else {
        Integer exit = s.getTerminated() == null ? null : s.getTerminated().getExitCode();
        steps.ended(w, stepStatus, exit, TektonStatuses.stepMessage(s, stepStatus));
      }
    }
    if (!status.isTerminal() || taskStatus.containsKey(taskName)) {
      return;
    }
    String message = TektonStatuses.describe(TektonStatuses.succeeded(tr.getStatus().getConditions()));
    taskStatus.put(taskName, status);
    taskMessage.put(taskName, message);
    if (task.isClone()) {
      return;
    }
    for (String step : task.steps()) {
      StepTracker.Where w = new StepTracker.Where(task.stage(), step, task.phase(), attempt, pod, null);
      if (!steps.started(w) && status != Status.Succeeded) {
        steps.ended(w, Status.NotExecuted, null, "not executed: " + message);
      }
    }
    if ("steps".equals(task.phase()) && !stagesWithPost.contains(task.stage())) {
      // after the steps' own ends, which wait for their logs
      steps.drained().thenRunAsync(() -> stages.end(task.stage(), status, stageMessage(status, message)), events.executor());
    }
  }

  private static String stageMessage(Status status, String conditionMessage) {
    return status == Status.Succeeded ? "" : conditionMessage;
  }

  /** The run has ended: wait for the logs, then end every stage still open, then the result. */
  private void finish(Status status, String message) {
    finishing = true;
    steps.drained().thenRunAsync(() -> {
      for (TaskLayout.Task t : layout.values()) {
        if (t.isClone()) {
          continue;
        }
        Status ts = taskStatus.get(t.name());
        if (ts != null && "steps".equals(t.phase())) {
          Status aggregated = ts;
          String why = stageMessage(ts, taskMessage.get(t.name()));
          for (TaskLayout.Task post : layout.values()) {
            Status ps = taskStatus.get(post.name());
            if (post.stage().equals(t.stage()) && RunRecorder.POST.equals(post.phase())
                && ps != null && ps.isFailure() && aggregated == Status.Succeeded) {
              aggregated = Status.Failed;
              why = "post: " + taskMessage.get(post.name());
            }
          }
          stages.end(t.stage(), aggregated, why);
        }
      }
      endPipelinePost();
      stages.endOpen(layout.values(), message.isEmpty() ? status.toString() : message);
      Status finalStatus = timedOut ? Status.TimedOut : status;
      result.complete(new Result(finalStatus, status == Status.Succeeded ? "" : cloneFailure(message)));
    }, events.executor());
  }

  /** The pipeline's post (a stage of its own locally) ends with its tasks. */
  private void endPipelinePost() {
    Status post = null;
    String why = "";
    for (TaskLayout.Task t : layout.values()) {
      if (t.stage().equals(LocalCompiler.POST_STAGE) && RunRecorder.POST.equals(t.phase())) {
        Status ts = taskStatus.get(t.name());
        if (ts == null) {
          continue;
        }
        if (post == null || post == Status.Succeeded) {
          post = ts;
          why = stageMessage(ts, taskMessage.get(t.name()));
        }
      }
    }
    if (post != null) {
      stages.end(LocalCompiler.POST_STAGE, post, why);
    }
  }

  private String cloneFailure(String message) {
    Status clone = taskStatus.get(TektonCompiler.CLONE_TASK);
    if (clone != null && clone.isFailure()) {
      return "workspace: the clone failed: " + taskMessage.get(TektonCompiler.CLONE_TASK);
    }
    return message;
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    events.shutdown();
  }
}
