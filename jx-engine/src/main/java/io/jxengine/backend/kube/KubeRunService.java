package io.jxengine.backend.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.backend.local.Durations;
import io.jxengine.compile.LocalCompiler;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
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
    RunContext ctx = request.context();
    Diagnostics diags = new Diagnostics();
    ClusterPolicy.check(pipeline, diags);
    if (diags.hasErrors()) {
      return new RunOutcome(null, Status.Error, diags.sorted());
    }
    Activity activity =
        store.create(
            new NewActivity(
                ctx.owner(), ctx.repo(), ctx.branch(), pipeline.name(), ctx.gitUrl(),
                ctx.commitSha(), ctx.commitMessage(), ctx.author(), ctx.pullTitle(),
                ctx.pullNumber(), ctx.baseSha(), ctx.version(), pipeline.source(), ctx.event(),
                ProcessHandle.current().pid(), RunService.selfStartMillis()));
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
    CompileResult compiled = new TektonCompiler().compile(pipeline, ctx, activity.build(), options);
    if (!compiled.ok()) {
      List<Diagnostic> d = compiled.diagnostics();
      endEarly(activity, d.isEmpty() ? "the pipeline does not compile" : d.get(0).format());
      return new RunOutcome(store.get(id).orElse(activity), Status.Error, d);
    }
    SecretValueMasker masker = new SecretValueMasker(SecretRefs.values(refs, secrets));
    Plan plan = new LocalCompiler().compile(
        pipeline, ctx, activity.build(), Path.of("/workspace/source"), LocalCompiler.DEFAULT_CONCURRENCY);
    RunRecorder recorder = RunRecorder.start(store, logs, id, plan, masker, console);
    reportSkipped(plan, recorder.listener());
    PipelineRun run = compiled.run();
    TaskLayout.annotate(run, pipeline, ctx);
    run.getMetadata().getAnnotations().put(ACTIVITY_ID, Long.toString(id));
    store.updateActivity(id, Status.Running, Instant.now(), null, "");
    PipelineRun submitted;
    try {
      submitted = submitter.submit(run, id);
    } catch (Submitter.SubmitException e) {
      recorder.closeAll();
      return endEarly(activity, e.getMessage());
    }
    return follow(activity, submitted, recorder, cancel);
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

  /** Follows a submitted (or found again) PipelineRun until it ends and records the result. */
  RunOutcome follow(
      Activity activity, PipelineRun run, RunRecorder recorder, Backend.CancelSignal cancel) {
    long id = activity.id();
    TektonFollower follower =
        new TektonFollower(client, namespace, run, recorder.listener(), stepLogs, logThreads);
    ScheduledFuture<?> timer = null;
    TektonFollower.Result result;
    try (StopRequests stops = StopRequests.watch(store, id, cancel)) {
      follower.start();
      cancel.onCancel(() -> follower.cancel("aborted: " + cancel.reason(), false));
      Duration limit = Submitter.pipelineTimeout(run);
      if (limit != null) {
        Duration left = limit.minus(Duration.between(Submitter.created(run), Instant.now()));
        String why = "pipeline timed out after " + Durations.format(limit);
        timer = timers.schedule(() -> follower.cancel(why, true),
            Math.max(0, left.toMillis()), TimeUnit.MILLISECONDS);
      }
      result = await(follower.result(), follower);
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
      follower.close();
      recorder.closeAll();
    }
    String message = message(result, follower, recorder, cancel);
    store.updateActivity(id, result.status(), null, Instant.now(), message);
    return new RunOutcome(store.get(id).orElse(activity), result.status(), List.of());
  }

  private static TektonFollower.Result await(
      CompletableFuture<TektonFollower.Result> result, TektonFollower follower) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      follower.cancel("aborted: interrupted", false);
      return new TektonFollower.Result(Status.Aborted, "aborted: interrupted");
    } catch (ExecutionException e) {
      throw new IllegalStateException("following the run failed: " + e.getCause(), e.getCause());
    }
  }

  private static String message(
      TektonFollower.Result result, TektonFollower follower, RunRecorder recorder,
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

  @Override
  public void close() {
    logThreads.shutdownNow();
    timers.shutdownNow();
  }
}
