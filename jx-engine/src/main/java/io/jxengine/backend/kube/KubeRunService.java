package io.jxengine.backend.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.backend.local.Durations;
import io.jxengine.compile.LocalCompiler;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
import io.jxengine.compile.pods.PodCompiler;
import io.jxengine.compile.pods.PodsResult;
import io.jxengine.compile.tekton.ClusterPolicy;
import io.jxengine.compile.tekton.CompileResult;
import io.jxengine.compile.tekton.TektonCompiler;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import io.jxengine.engine.PipelineRunner;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunOutcome;
import io.jxengine.engine.RunRecorder;
import io.jxengine.engine.RunRequest;
import io.jxengine.engine.RunService;
import io.jxengine.engine.StopRequests;
import io.jxengine.logs.LogStore;
import io.jxengine.logs.SecretValueMasker;
import io.jxengine.model.Pipeline;
import io.jxengine.secrets.SecretProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cluster executor: runs pipelines as Tekton PipelineRuns (or, on a cluster without Tekton,
 * as plain Pods) in one build namespace and records them exactly as {@link RunService} records
 * local runs: the same activity stages and steps, statuses, messages and logs.
 *
 * <p>A run: compile ({@link TektonCompiler}), record the plan's stages and steps, create the
 * PipelineRun under a name made of owner/repo/branch/build (an {@code AlreadyExists} for the same
 * activity means attach, so a run is never submitted twice), then follow it with informers
 * ({@link TektonFollower}) until Tekton ends it. Cancel sets {@code spec.status: Cancelled}; the
 * pipeline timeout is enforced by the engine as well as by Tekton. {@link #reattach} picks up the
 * runs a previous engine left on the cluster.
 *
 * <p>Thread-safe; {@code run} and {@code execute} block the calling thread until the run ended.
 * Cluster failures while submitting end the activity as Error; a user's failing pipeline is a
 * result, not an exception.
 */
public final class KubeRunService implements PipelineRunner, AutoCloseable {
  /** The activity a PipelineRun or Pod belongs to, so a second submission is recognised. */
  public static final String ACTIVITY_ID = io.jxengine.compile.tekton.KubeNames.PREFIX + "activity-id";

  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  private final KubernetesClient client;
  private final String namespace;
  private final ActivityStore store;
  private final LogStore logs;
  private final SecretProvider secrets;
  private final TektonOptions options;
  private final StepLogs stepLogs;
  private final ExecutorService logThreads =
      Executors.newCachedThreadPool(r -> daemon(r, "jxe-kube-log-" + THREADS.incrementAndGet()));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "jxe-kube-timer"));
  private final Submitter submitter;
  private final Set<RunFollower> following = ConcurrentHashMap.newKeySet();
  private final ExecutorService attached =
      Executors.newCachedThreadPool(r -> daemon(r, "jxe-kube-attached-" + THREADS.incrementAndGet()));

  /**
   * A run found again on the cluster by {@link #reattach}, followed on its own thread.
   *
   * @param cancel stops the run (as {@code jxe stop} does through the store)
   * @param outcome completes when the run has ended and is recorded
   */
  public record Attached(long activityId, Backend.CancelSignal cancel, CompletableFuture<RunOutcome> outcome) {}

  /**
   * @param namespace the build namespace every run goes to
   * @param secrets values of the Secrets runs reference, only to mask them in stored logs
   * @param stepLogs where step containers' logs are read ({@link PodLogs} on a real cluster)
   */
  public KubeRunService(
      KubernetesClient client, String namespace, ActivityStore store, LogStore logs,
      SecretProvider secrets, TektonOptions options, StepLogs stepLogs) {
    this.client = client;
    this.namespace = namespace;
    this.store = store;
    this.logs = logs;
    this.secrets = secrets;
    this.options = options;
    this.stepLogs = stepLogs;
    this.submitter = new Submitter(client, namespace);
  }

  /** True when the cluster serves {@code tekton.dev/v1} PipelineRuns (API discovery). */
  public boolean hasTekton() {
    return submitter.hasTekton();
  }

  @Override
  public RunOutcome run(RunRequest request, RunListener console, Backend.CancelSignal cancel) {
    Pipeline pipeline = request.pipeline();
    Diagnostics diags = new Diagnostics();
    ClusterPolicy.check(pipeline, diags);
    if (diags.hasErrors()) {
      return new RunOutcome(null, Status.Error, diags.sorted());
    }
    Activity activity = store.create(RunService.newActivity(pipeline, request.context()));
    return runActivity(activity, request, true, console, cancel);
  }

  /**
   * {@inheritDoc} The cluster clones {@code request.context().gitUrl()} itself, so the checkout
   * arguments are not used. Without {@code withSecrets} a pipeline that references secrets is
   * refused (its steps would get them from the cluster).
   */
  @Override
  public RunOutcome execute(
      Activity activity, RunRequest request, String checkoutUrl, String checkoutSha,
      boolean withSecrets, RunListener console, Backend.CancelSignal cancel) {
    return runActivity(activity, request, withSecrets, console, cancel);
  }

  private RunOutcome runActivity(
      Activity activity, RunRequest request, boolean withSecrets, RunListener console,
      Backend.CancelSignal cancel) {
    long id = activity.id();
    Pipeline pipeline = request.pipeline();
    RunContext ctx = request.context();
    List<String> refs = SecretRefs.of(pipeline);
    if (!withSecrets && !refs.isEmpty()) {
      return endEarly(activity, "secrets are withheld from this run and the pipeline references "
          + String.join(", ", refs));
    }
    List<String> maskedValues = new java.util.ArrayList<>(SecretRefs.values(refs, secrets));
    maskedValues.addAll(io.jxengine.engine.PipelineSecrets.maskedEnv(pipeline));
    SecretValueMasker masker = new SecretValueMasker(maskedValues);
    if (!submitter.hasTekton()) {
      return runPods(activity, request, masker, console, cancel);
    }
    CompileResult compiled = new TektonCompiler().compile(pipeline, ctx, activity.build(), options);
    if (!compiled.ok()) {
      return refused(activity, compiled.diagnostics());
    }
    Activity current = store.get(id).orElse(activity);
    if (!current.steps().isEmpty()) { // submitted before: attach to what that submission made
      RunRecorder again = RunRecorder.resume(store, logs, current, masker, console);
      RunListener listener = new ResumedListener(again.listener(), current, logs);
      try {
        return follow(current, tekton(submitter.existing(compiled.run(), id), listener), again, cancel);
      } catch (Submitter.SubmitException e) {
        again.closeAll();
        return endEarly(activity, e.getMessage());
      }
    }
    RunRecorder recorder = start(activity, request, masker, console);
    PipelineRun run = compiled.run();
    TaskLayout.annotate(run, pipeline, ctx);
    run.getMetadata().getAnnotations().put(ACTIVITY_ID, Long.toString(id));
    PipelineRun submitted;
    try {
      submitted = submitter.submit(run, id);
    } catch (Submitter.SubmitException e) {
      recorder.closeAll();
      return endEarly(activity, e.getMessage());
    }
    return follow(activity, tekton(submitted, recorder.listener()), recorder, cancel);
  }

  /** The fallback without Tekton: one pod per stage (see {@link PodFollower}). */
  private RunOutcome runPods(
      Activity activity, RunRequest request, SecretValueMasker masker, RunListener console,
      Backend.CancelSignal cancel) {
    Pipeline pipeline = request.pipeline();
    PodsResult pods = new PodCompiler().compile(pipeline, request.context(), activity.build(), options);
    if (!pods.ok()) {
      return refused(activity, pods.diagnostics());
    }
    List<TaskLayout.Task> layout = TaskLayout.layout(pipeline, request.context(), false);
    for (int i = 0; i < pods.pods().size(); i++) {
      var meta = pods.pods().get(i).getMetadata();
      Map<String, String> a = TaskLayout.annotations(meta.getAnnotations(), layout.get(i));
      a.put(ACTIVITY_ID, Long.toString(activity.id()));
      meta.setAnnotations(a);
    }
    RunRecorder recorder = start(activity, request, masker, console);
    PodFollower follower =
        new PodFollower(client, namespace, pods, recorder.listener(), stepLogs, logThreads);
    return follow(activity, new Followed(follower, pipeline.timeout(), Instant.now()), recorder, cancel);
  }

  /** Records the plan's stages and steps, and marks the activity Running. */
  private RunRecorder start(
      Activity activity, RunRequest request, SecretValueMasker masker, RunListener console) {
    Plan plan = new LocalCompiler(true).compile(request.pipeline(), request.context(), activity.build(),
        Path.of("/workspace/source"), LocalCompiler.DEFAULT_CONCURRENCY);
    RunRecorder recorder = RunRecorder.start(store, logs, activity.id(), plan, masker, console);
    reportSkipped(plan, recorder.listener());
    store.updateActivity(activity.id(), Status.Running, Instant.now(), null, "");
    return recorder;
  }

  private RunOutcome refused(Activity activity, List<Diagnostic> d) {
    endEarly(activity, d.isEmpty() ? "the pipeline does not compile" : d.get(0).format());
    return new RunOutcome(store.get(activity.id()).orElse(activity), Status.Error, d);
  }

  /** A follower with the run's overall limit (null for none), counted from {@code created}. */
  private record Followed(RunFollower follower, Duration limit, Instant created) {}

  private Followed tekton(PipelineRun run, RunListener listener) {
    return new Followed(new TektonFollower(client, namespace, run, listener, stepLogs, logThreads),
        Submitter.pipelineTimeout(run), Submitter.created(run));
  }

  /** Stages whose {@code when:} does not hold are NotExecuted from the start, as locally. */
  private static void reportSkipped(Plan plan, RunListener listener) {
    List<PlanStage> all = new ArrayList<>(plan.stages());
    all.addAll(plan.finallyStages());
    for (PlanStage s : all) {
      if (s.skipReason() != null) {
        listener.stage(s.name(), Status.NotExecuted, "skipped: " + s.skipReason());
      }
    }
  }

  private RunOutcome endEarly(Activity activity, String why) {
    Instant now = Instant.now();
    store.updateActivity(activity.id(), Status.Error, now, now, why);
    return new RunOutcome(store.get(activity.id()).orElse(activity), Status.Error, List.of());
  }

  /** Follows a submitted (or found again) run until it ends and records the result. */
  private RunOutcome follow(
      Activity activity, Followed run, RunRecorder recorder, Backend.CancelSignal cancel) {
    long id = activity.id();
    RunFollower follower = run.follower();
    following.add(follower);
    ScheduledFuture<?> timer = null;
    RunFollower.Result result;
    try (StopRequests stops = StopRequests.watch(store, id, cancel)) {
      follower.start();
      cancel.onCancel(() -> follower.cancel("aborted: " + cancel.reason(), false));
      if (run.limit() != null) {
        Duration left = run.limit().minus(Duration.between(run.created(), Instant.now()));
        String why = "pipeline timed out after " + Durations.format(run.limit());
        timer = timers.schedule(() -> follower.cancel(why, true),
            Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
      }
      result = await(follower.result(), follower);
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
      following.remove(follower);
      follower.close();
      recorder.closeAll();
    }
    if (result.status() == Status.Running) {
      return new RunOutcome(store.get(id).orElse(activity), Status.Running, List.of()); // detached
    }
    String message = message(result, follower, recorder, cancel);
    store.updateActivity(id, result.status(), null, Instant.now(), message);
    return new RunOutcome(store.get(id).orElse(activity), result.status(), List.of());
  }

  private static RunFollower.Result await(
      CompletableFuture<RunFollower.Result> result, RunFollower follower) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      follower.cancel("aborted: interrupted", false);
      return new RunFollower.Result(Status.Aborted, "aborted: interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException("following the run failed: " + e.getCause(), e.getCause());
    }
  }

  private static String message(
      RunFollower.Result result, RunFollower follower, RunRecorder recorder,
      Backend.CancelSignal cancel) {
    if (result.status() == Status.TimedOut && follower.engineStop() != null) {
      return follower.engineStop();
    }
    if (result.status() == Status.Aborted && cancel.isCancelled()) {
      return cancel.reason();
    }
    if (result.status().isFailure() && recorder.firstFailure() != null) {
      return recorder.firstFailure();
    }
    return result.message();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * After an engine start: finds the PipelineRuns this engine's store knows as still running
   * (by the engine's labels and their activity annotation) and follows each again, without
   * creating anything. Runs of other stores, and runs whose activity has ended, are left alone.
   *
   * @param console receives each resumed run's events (masked)
   */
  public List<Attached> reattach(RunListener console) {
    List<Attached> out = new ArrayList<>();
    List<PipelineRun> runs = client.resources(PipelineRun.class).inNamespace(namespace)
        .withLabel(MANAGED_BY, "jx-engine").list().getItems();
    for (PipelineRun run : runs) {
      Optional<Activity> found = activityOf(run.getMetadata().getAnnotations());
      if (found.isEmpty()) {
        continue;
      }
      Activity activity = found.get();
      SecretValueMasker masker =
          new SecretValueMasker(SecretRefs.values(SecretRefs.of(run), secrets));
      RunRecorder recorder = RunRecorder.resume(store, logs, activity, masker, console);
      RunListener listener = new ResumedListener(recorder.listener(), activity, logs);
      Backend.CancelSignal cancel = new Backend.CancelSignal();
      out.add(new Attached(activity.id(), cancel, CompletableFuture.supplyAsync(
          () -> follow(activity, tekton(run, listener), recorder, cancel), attached)));
    }
    return out;
  }

  private Optional<Activity> activityOf(Map<String, String> annotations) {
    String id = annotations == null ? null : annotations.get(ACTIVITY_ID);
    if (id == null || !id.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    return store.get(Long.parseLong(id)).filter(a -> !a.status().isTerminal());
  }

  /**
   * Stops following runs; they go on on the cluster, their activities stay Running, and the
   * next engine re-attaches to them ({@link #reattach}). Blocked {@code run} calls return with
   * status Running.
   */
  @Override
  public void close() {
    following.forEach(RunFollower::detach);
    logThreads.shutdownNow();
    timers.shutdownNow();
    attached.shutdown();
  }
}
