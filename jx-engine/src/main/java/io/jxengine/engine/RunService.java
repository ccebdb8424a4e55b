package io.jxengine.engine;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.approval.ApprovalStore;
import io.jxengine.backend.ApprovalGate;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.backend.StepReports;
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
import io.jxengine.secrets.SecretProvider;
import io.jxengine.source.Workspaces;
import io.jxengine.testreport.ReportHandoff;
import io.jxengine.testreport.StepTestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one effective pipeline end to end: resolves its secrets, creates the activity, prepares
 * the workspace, compiles the plan, pre-records every stage and step, hands the plan to the
 * backend and records the result. One instance serves many runs; each {@link #run} call blocks
 * its thread until that run has ended.
 */
public final class RunService implements PipelineRunner {
  private final ActivityStore store;
  private final LogStore logs;
  private final Backend backend;
  private final Function<RunContext, SecretProvider> secretsForRun;
  private final JxeHome home;
  private final Supplier<ApprovalStore> approvals;
  private final LocalCompiler compiler = new LocalCompiler();

  /** Without approval gates: a gate step fails, saying the engine's store is needed. */
  public RunService(
      ActivityStore store, LogStore logs, Backend backend, SecretProvider secrets, JxeHome home) {
    this(store, logs, backend, ctx -> secrets, home, null);
  }

  /**
   * @param secretsForRun the secrets one run may see, by what the run is about: some are scoped
   *     to a repository and event (the engine's cluster credentials, {@code
   *     io.jxengine.gitops.ClusterCredentials}); called once per run, from the run's thread
   */
  public RunService(
      ActivityStore store, LogStore logs, Backend backend,
      Function<RunContext, SecretProvider> secretsForRun, JxeHome home) {
    this(store, logs, backend, secretsForRun, home, null);
  }

  /**
   * @param approvals opens the store of approval gates for a run that has some (closed when the
   *     run ends, so runs without gates never open it); null when gates cannot be decided here
   */
  public RunService(
      ActivityStore store, LogStore logs, Backend backend, SecretProvider secrets, JxeHome home,
      Supplier<ApprovalStore> approvals) {
    this(store, logs, backend, ctx -> secrets, home, approvals);
  }

  /** Both: secrets scoped per run and approval gates. */
  public RunService(
      ActivityStore store, LogStore logs, Backend backend,
      Function<RunContext, SecretProvider> secretsForRun, JxeHome home,
      Supplier<ApprovalStore> approvals) {
    this.store = store;
    this.logs = logs;
    this.backend = backend;
    this.secretsForRun = secretsForRun;
    this.home = home;
    this.approvals = approvals;
  }

  /**
   * Runs the request. {@code console} receives masked events as they happen (may be a no-op);
   * {@code cancel} stops the run from another thread, as does {@code jxe stop} through the store.
   */
  @Override
  public RunOutcome run(RunRequest request, RunListener console, Backend.CancelSignal cancel) {
    Pipeline pipeline = request.pipeline();
    RunContext ctx = request.context();

    Diagnostics diags = new Diagnostics();
    LocalCompiler.refuseClusterOnly(pipeline, diags);
    if (diags.hasErrors()) {
      return new RunOutcome(null, Status.Error, diags.sorted());
    }
    Map<String, String> secretValues =
        PipelineSecrets.resolve(pipeline, ctx, compiler.cluster(), secretsForRun.apply(ctx), diags);
    if (diags.hasErrors()) {
      return new RunOutcome(null, Status.Error, diags.sorted());
    }

    Activity activity = store.create(newActivity(pipeline, ctx));
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
  @Override
  public RunOutcome execute(
      Activity activity, RunRequest request, String checkoutUrl, String checkoutSha,
      boolean withSecrets, RunListener console, Backend.CancelSignal cancel) {
    Map<String, String> secretValues = Map.of();
    if (withSecrets) {
      Diagnostics diags = new Diagnostics();
      secretValues = PipelineSecrets.resolve(
          request.pipeline(), request.context(), compiler.cluster(),
          secretsForRun.apply(request.context()), diags);
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

  /** The activity of a run of {@code pipeline} for {@code ctx}, run by this process. */
  public static NewActivity newActivity(Pipeline pipeline, RunContext ctx) {
    return new NewActivity(
        ctx.owner(), ctx.repo(), ctx.branch(), pipeline.name(), ctx.gitUrl(), ctx.commitSha(),
        ctx.commitMessage(), ctx.author(), ctx.pullTitle(), ctx.pullNumber(), ctx.baseSha(),
        ctx.version(), pipeline.source(), ctx.event(), ProcessHandle.current().pid(),
        selfStartMillis());
  }

  /** This process's start time, recorded with its PID so a reused PID is not taken for it. */
  public static long selfStartMillis() {
    return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }

  private RunOutcome runActivity(
      Activity activity, RunRequest request, Checkout checkout, Map<String, String> secretValues,
      RunListener console, Backend.CancelSignal cancel) {
    Pipeline pipeline = request.pipeline();
    RunContext ctx = request.context();
    List<String> masked = new java.util.ArrayList<>(secretValues.values());
    masked.addAll(PipelineSecrets.maskedEnv(pipeline));
    SecretMasker masker = new SecretValueMasker(masked);
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
    // Write-behind: a local step never waits for SQLite (bench/run steps).
    RunRecorder recorder = RunRecorder.start(store, logs, id, plan, masker, console, true);
    Status result;
    store.updateActivity(id, Status.Running, Instant.now(), null, "");
    ApprovalStore gates = approvals != null && hasGates(plan) ? approvals.get() : null;
    try (StopRequests stops = StopRequests.watch(store, id, cancel)) {
      ApprovalGate gate = gates == null ? ApprovalGate.NONE : new StoreApprovalGate(gates, store, id);
      result = backend.run(plan, workspace, secretValues, recorder.listener(), cancel, gate);
    } catch (RuntimeException e) {
      recorder.closeAll();
      store.updateActivity(id, Status.Error, null, Instant.now(), "engine error: " + e);
      throw e;
    } finally {
      recorder.closeAll();
      if (gates != null) {
        gates.close();
      }
    }
    recordRelease(id, recorder);
    recordTests(id, workspace);
    String message = recorder.resultMessage(result, cancel);
    store.updateActivity(id, result, null, Instant.now(), message);
    if (!request.keepWorkspace()) {
      FileTrees.deleteQuietly(workspace);
    }
    return new RunOutcome(store.get(id).orElse(activity), result, List.of());
  }

  private static boolean hasGates(Plan plan) {
    List<PlanStage> all = new ArrayList<>(plan.stages());
    all.addAll(plan.finallyStages());
    return all.stream().anyMatch(s -> s.steps().stream().anyMatch(PlanStep::isApproval));
  }

  /** What the steps reported through {@code $JXE_ENV}: a release's version and notes. */
  private void recordRelease(long id, RunRecorder recorder) {
    String version = recorder.reported(StepReports.RELEASE_VERSION);
    String notes = recorder.reported(StepReports.RELEASE_NOTES_URL);
    if (version != null || notes != null) {
      store.recordRelease(id, version, notes);
    }
  }

  /**
   * What the run's report steps ({@code jxe step junit}) handed over beside the workspace. A store
   * that keeps no test results (the cluster's) leaves them out: the steps' logs still have the
   * summary.
   */
  private void recordTests(long id, Path workspace) {
    Path dir = ReportHandoff.dirFor(workspace);
    List<StepTestReport> reports = ReportHandoff.readAll(dir);
    FileTrees.deleteQuietly(dir);
    if (!reports.isEmpty()) {
      try {
        store.recordTests(id, reports);
      } catch (UnsupportedOperationException e) {
        // not kept by this store; documented in docs/pipeline-syntax.md
      }
    }
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
}
