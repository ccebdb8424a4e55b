package io.jxengine.engine;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.LocalCompiler;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
import io.jxengine.compile.PlanStep;
import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.logs.LogStore;
import io.jxengine.logs.SecretMasker;
import io.jxengine.logs.SecretValueMasker;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.secrets.SecretProvider;
import io.jxengine.source.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one effective pipeline end to end: resolves its secrets, creates the activity, prepares
 * the workspace, compiles the plan, pre-records every stage and step, hands the plan to the
 * backend and records the result. One instance serves many runs; each {@link #run} call blocks
 * its thread until that run has ended.
 */
public final class RunService {
  private static final long STOP_POLL_MILLIS = 250;

  private final ActivityStore store;
  private final LogStore logs;
  private final Backend backend;
  private final SecretProvider secrets;
  private final JxeHome home;
  private final LocalCompiler compiler = new LocalCompiler();

  public RunService(
      ActivityStore store, LogStore logs, Backend backend, SecretProvider secrets, JxeHome home) {
    this.store = store;
    this.logs = logs;
    this.backend = backend;
    this.secrets = secrets;
    this.home = home;
  }

  /**
   * Runs the request. {@code console} receives masked events as they happen (may be a no-op);
   * {@code cancel} stops the run from another thread, as does {@code jxe stop} through the store.
   */
  public RunOutcome run(RunRequest request, RunListener console, Backend.CancelSignal cancel) {
    Pipeline pipeline = request.pipeline();
    RunContext ctx = request.context();

    Diagnostics diags = new Diagnostics();
    LocalCompiler.refuseClusterOnly(pipeline, diags);
    if (diags.hasErrors()) {
      return new RunOutcome(null, Status.Error, diags.sorted());
    }
    Map<String, String> secretValues = resolveSecrets(pipeline, diags);
    if (diags.hasErrors()) {
      return new RunOutcome(null, Status.Error, diags.sorted());
    }

    ProcessHandle self = ProcessHandle.current();
    Activity activity =
        store.create(
            new NewActivity(
                ctx.owner(), ctx.repo(), ctx.branch(), pipeline.name(), ctx.gitUrl(),
                ctx.commitSha(), ctx.commitMessage(), ctx.author(), ctx.pullTitle(),
                ctx.pullNumber(), ctx.baseSha(), ctx.version(), pipeline.source(), ctx.event(),
                self.pid(), selfStartMillis()));
    return runActivity(
        activity, request,
        new Checkout(request.context().gitUrl(), request.context().commitSha()), secretValues,
        console, cancel);
  }

  /**
   * Runs an activity created earlier (queued by the server with no runner yet, then claimed by
   * the caller, which has recorded itself as the runner). Secrets are resolved only when {@code
   * withSecrets}; without them, stages that need a secret fail as if it were missing. The
   * workspace is {@code checkoutUrl} at {@code checkoutSha} (the engine's mirror may differ from
   * the context's URL). A missing secret or an unreadable workspace ends the activity as Error.
   * Blocks until the run has ended.
   */
  public RunOutcome execute(
      Activity activity, RunRequest request, String checkoutUrl, String checkoutSha,
      boolean withSecrets, RunListener console, Backend.CancelSignal cancel) {
    Map<String, String> secretValues = Map.of();
    if (withSecrets) {
      Diagnostics diags = new Diagnostics();
      secretValues = resolveSecrets(request.pipeline(), diags);
      if (diags.hasErrors()) {
        String why = diags.sorted().get(0).message();
        store.updateActivity(activity.id(), Status.Error, null, Instant.now(), why);
        return new RunOutcome(
            store.get(activity.id()).orElse(activity), Status.Error, diags.sorted());
      }
    }
    return runActivity(
        activity, request, new Checkout(checkoutUrl, checkoutSha), secretValues, console, cancel);
  }

  /** Where the workspace comes from when it is not a copy of a directory. */
  private record Checkout(String url, String sha) {}

  /** This process's start time, recorded with its PID so a reused PID is not taken for it. */
  public static long selfStartMillis() {
    return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  private RunOutcome runActivity(
      Activity activity, RunRequest request, Checkout checkout, Map<String, String> secretValues,
      RunListener console, Backend.CancelSignal cancel) {
    Pipeline pipeline = request.pipeline();
    RunContext ctx = request.context();
    SecretMasker masker = new SecretValueMasker(secretValues.values());
    long id = activity.id();
    Path workspace = home.workspaces().resolve(Long.toString(id));
    try {
      prepareWorkspace(request, checkout, workspace);
    } catch (IOException | RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      Diagnostics wsDiags = new Diagnostics();
      wsDiags.report(Code.WORKSPACE_FAILED, Pos.fileStart(pipeline.file()), "", why);
      store.updateActivity(id, Status.Error, Instant.now(), Instant.now(), "workspace: " + why);
      return new RunOutcome(store.get(id).orElse(activity), Status.Error, wsDiags.sorted());
    }

    Plan plan =
        compiler.compile(
            pipeline, ctx, activity.build(), workspace,
            request.concurrency() > 0 ? request.concurrency() : LocalCompiler.DEFAULT_CONCURRENCY);
    Map<String, Long> stageIds = new HashMap<>();
    Map<StepKey, Long> stepIds = new HashMap<>();
    recordPlan(id, plan, stageIds, stepIds);

    RecordingListener recorder = new RecordingListener(store, logs, masker, id, stageIds, stepIds);
    RunListener listener =
        new FanOutListener(List.of(recorder, new MaskingListener(console, masker)));

    ScheduledExecutorService stopWatch =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jxe-stop-watch-" + id);
              t.setDaemon(true);
              return t;
            });
    stopWatch.scheduleWithFixedDelay(
        () -> {
          if (!cancel.isCancelled() && store.isStopRequested(id)) {
            cancel.cancel("stopped by `jxe stop`");
          }
        },
        STOP_POLL_MILLIS, STOP_POLL_MILLIS, TimeUnit.MILLISECONDS);

    Status result;
    store.updateActivity(id, Status.Running, Instant.now(), null, "");
    try {
      result = backend.run(plan, workspace, secretValues, listener, cancel);
    } catch (RuntimeException e) {
      result = Status.Error;
      recorder.closeAll();
      store.updateActivity(id, Status.Error, null, Instant.now(), "engine error: " + e);
      stopWatch.shutdownNow();
      throw e;
    } finally {
      stopWatch.shutdownNow();
      recorder.closeAll();
    }
    String message = resultMessage(result, recorder, cancel);
    store.updateActivity(id, result, null, Instant.now(), message);
    if (!request.keepWorkspace()) {
      FileTrees.deleteQuietly(workspace);
    }
    return new RunOutcome(store.get(id).orElse(activity), result, List.of());
  }

  private static String resultMessage(
      Status result, RecordingListener recorder, Backend.CancelSignal cancel) {
    if (result == Status.Aborted && cancel.isCancelled()) {
      return cancel.reason();
    }
    if (result.isFailure() && recorder.firstFailure() != null) {
      return recorder.firstFailure();
    }
    return "";
  }

  private void prepareWorkspace(RunRequest request, Checkout checkout, Path workspace)
      throws IOException {
    Files.createDirectories(workspace.getParent());
    if (request.sourceDir() != null) {
      Workspaces.copyDirectory(request.sourceDir(), workspace);
    } else {
      Workspaces.checkout(checkout.url(), checkout.sha(), workspace);
    }
  }

  /** Every secret the pipeline references, keyed {@code <secret>/<key>}; missing ones → JX401. */
  private Map<String, String> resolveSecrets(Pipeline pipeline, Diagnostics diags) {
    Map<String, String> values = new LinkedHashMap<>();
    List<SecretRef> refs = new ArrayList<>(pipeline.secrets());
    for (Stage s : pipeline.stages()) {
      refs.addAll(s.secrets());
    }
    for (Stage s : pipeline.finallyStages()) {
      refs.addAll(s.secrets());
    }
    for (SecretRef ref : refs) {
      String k = ref.secret() + "/" + ref.key();
      if (values.containsKey(k)) {
        continue;
      }
      secrets
          .lookup(ref.secret(), ref.key())
          .ifPresentOrElse(
              v -> values.put(k, v),
              () ->
                  diags.report(
                      Code.SECRET_NOT_FOUND, ref.pos(), "secrets", ref.secret(), ref.key(),
                      SecretProvider.envVarFor(ref.secret(), ref.key())));
    }
    return values;
  }

  private void recordPlan(
      long id, Plan plan, Map<String, Long> stageIds, Map<StepKey, Long> stepIds) {
    int ordinal = 0;
    List<PlanStage> all = new ArrayList<>(plan.stages());
    all.addAll(plan.finallyStages());
    if (plan.post() != null) {
      all.add(plan.post());
    }
    for (PlanStage stage : all) {
      long stageId = store.addStep(id, null, StepKind.Stage, stage.name(), ordinal++).id();
      stageIds.put(stage.name(), stageId);
      int stepOrdinal = 0;
      stepOrdinal = recordSteps(id, stageId, stage, "steps", stage.steps(), stepOrdinal, stepIds);
      stepOrdinal = recordSteps(id, stageId, stage, "post", stage.postAlways(), stepOrdinal, stepIds);
      stepOrdinal = recordSteps(id, stageId, stage, "post", stage.postSuccess(), stepOrdinal, stepIds);
      recordSteps(id, stageId, stage, "post", stage.postFailure(), stepOrdinal, stepIds);
    }
  }

  private int recordSteps(
      long id, long stageId, PlanStage stage, String phase, List<PlanStep> steps, int ordinal,
      Map<StepKey, Long> stepIds) {
    for (PlanStep step : steps) {
      StepKey key = StepKey.of(stage.name(), phase, step.name());
      if (stepIds.containsKey(key)) {
        continue;
      }
      String name = "post".equals(phase) ? "post: " + step.name() : step.name();
      stepIds.put(key, store.addStep(id, stageId, kindOf(step), name, ordinal++).id());
    }
    return ordinal;
  }

  /**
   * A step declares another activity kind with {@code env: JXE_STEP_KIND: Preview} (or
   * {@code Promote}), as the preview catalog step does; anything else records a plain Step.
   */
  static StepKind kindOf(PlanStep step) {
    String kind = step.env().get("JXE_STEP_KIND");
    if ("Preview".equals(kind)) {
      return StepKind.Preview;
    }
    return "Promote".equals(kind) ? StepKind.Promote : StepKind.Step;
  }
}
