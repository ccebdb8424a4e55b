package io.jxengine.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepRecord;
import io.jxengine.approval.ApprovalDesk;
import io.jxengine.approval.ApprovalException;
import io.jxengine.approval.ApprovalRecord;
import io.jxengine.approval.ApprovalState;
import io.jxengine.backend.Backend.CancelSignal;
import io.jxengine.backend.RunListener;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.logs.FileLogStore;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteApprovalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run as {@code jxe run} makes it (RunService, local processes, SQLite) waits at an approval
 * gate; the decisions come through other connections to the store file, as {@code jxe approve}
 * in another process would make them.
 */
class ApprovalGateIT {
  @TempDir Path tmp;
  JxeHome home;
  SqliteActivityStore runnerStore;
  /** The other process: its own connections to the same file. */
  SqliteActivityStore observer;
  SqliteApprovalStore approver;
  Path marker;

  @BeforeEach
  void engine() throws Exception {
    home = new JxeHome(tmp.resolve("home"), List.of()).ensureExists();
    runnerStore = SqliteActivityStore.open(home.database());
    observer = SqliteActivityStore.open(home.database());
    approver = SqliteApprovalStore.open(home.database());
    marker = tmp.resolve("shipped");
  }

  @AfterEach
  void close() {
    approver.close();
    observer.close();
    runnerStore.close();
  }

  private String pipeline(String approval) {
    return """
        stages:
          - name: build
            steps:
              - run: echo built
          - name: deploy
            steps:
              - name: deploy-approval
                approval: %s
              - name: ship
                run: touch "%s"
        """.formatted(approval, marker);
  }

  private CompletableFuture<RunOutcome> start(String yaml) throws Exception {
    LoadResult loaded = new PipelineLoader(Catalog.empty()).loadString(yaml, "pipeline.yaml", "ci");
    assertThat(loaded.diagnostics()).isEmpty();
    Path src = Files.createDirectories(tmp.resolve("src"));
    RunContext ctx = new RunContext("acme", "app", "main", null, "manual", null, null, null, null,
        null, null, null, null, null, "postsubmit", null);
    RunService runs = new RunService(runnerStore, new FileLogStore(home.logs()),
        new LocalBackend(home.scripts()), new LocalSecretProvider(List.of(), Map.of()), home,
        () -> SqliteApprovalStore.open(home.database()));
    RunRequest request = new RunRequest(loaded.effective(), ctx, src, 0, false);
    return CompletableFuture.supplyAsync(
        () -> runs.run(request, RunListener.NONE, new CancelSignal()));
  }

  /** The activity once its gate waits, as the other process sees it. */
  private Activity waiting() {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> observer.list(ActivityFilter.all()).stream().findFirst()
            .filter(a -> a.status() == Status.WaitingForApproval).orElse(null),
        a -> a != null);
  }

  private static StepRecord step(Activity a, String name) {
    return a.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private Activity finished(CompletableFuture<RunOutcome> run) throws Exception {
    RunOutcome outcome = run.get();
    return observer.get(outcome.activity().id()).orElseThrow();
  }

  @Test
  void approvedGateResumesTheLane() throws Exception {
    CompletableFuture<RunOutcome> run =
        start(pipeline("{message: \"Deploy?\", ok: Deploy, submitters: [alice, team-ops]}"));
    Activity a = waiting();
    assertThat(a.message()).isEqualTo("waiting for approval: Deploy?");
    assertThat(step(a, "deploy-approval").status()).isEqualTo(Status.WaitingForApproval);
    assertThat(step(a, "deploy-approval").message()).isEqualTo("waiting for approval: Deploy?");
    assertThat(step(a, "ship").status()).isEqualTo(Status.Pending);
    assertThat(step(a, "build").status()).isEqualTo(Status.Succeeded);
    assertThat(marker).doesNotExist();

    ApprovalDesk desk = new ApprovalDesk(approver);
    assertThatThrownBy(() -> desk.decide(a.id(), null, true, "mallory"))
        .isInstanceOfSatisfying(ApprovalException.class,
            e -> assertThat(e.reason()).isEqualTo(ApprovalException.Reason.FORBIDDEN));
    assertThat(desk.waiting(a.id())).singleElement()
        .satisfies(g -> assertThat(g.state()).isEqualTo(ApprovalState.Waiting));

    ApprovalRecord decided = desk.decide(a.id(), "deploy-approval", true, "Alice");
    assertThat(decided.state()).isEqualTo(ApprovalState.Approved);
    assertThat(decided.ok()).isEqualTo("Deploy");

    Activity done = finished(run);
    assertThat(done.status()).isEqualTo(Status.Succeeded);
    assertThat(step(done, "deploy-approval").status()).isEqualTo(Status.Succeeded);
    assertThat(step(done, "deploy-approval").message()).isEqualTo("approved by Alice");
    assertThat(step(done, "ship").status()).isEqualTo(Status.Succeeded);
    assertThat(marker).exists();
  }

  @Test
  void rejectedGateAbortsTheRun() throws Exception {
    CompletableFuture<RunOutcome> run = start(pipeline("{message: Deploy}"));
    Activity a = waiting();
    new ApprovalDesk(approver).decide(a.id(), null, false, "bob");

    Activity done = finished(run);
    assertThat(done.status()).isEqualTo(Status.Aborted);
    assertThat(step(done, "deploy-approval").status()).isEqualTo(Status.Aborted);
    assertThat(step(done, "deploy-approval").message()).isEqualTo("rejected by bob");
    assertThat(step(done, "deploy").status()).isEqualTo(Status.Aborted);
    assertThat(step(done, "ship").status()).isEqualTo(Status.NotExecuted);
    assertThat(marker).doesNotExist();
  }

  @Test
  void gateTimesOutAndRefusesLateDecisions() throws Exception {
    CompletableFuture<RunOutcome> run = start(pipeline("{message: Deploy, timeout: 1s}"));
    Activity done = finished(run);
    assertThat(done.status()).isEqualTo(Status.Failed);
    assertThat(step(done, "deploy-approval").status()).isEqualTo(Status.TimedOut);
    assertThat(step(done, "deploy").status()).isEqualTo(Status.TimedOut);
    assertThat(step(done, "ship").status()).isEqualTo(Status.NotExecuted);
    assertThat(approver.forActivity(done.id())).singleElement()
        .satisfies(g -> assertThat(g.state()).isEqualTo(ApprovalState.TimedOut));
    assertThatThrownBy(() -> new ApprovalDesk(approver).decide(done.id(), null, true, "alice"))
        .isInstanceOfSatisfying(ApprovalException.class,
            e -> assertThat(e.reason()).isEqualTo(ApprovalException.Reason.NOT_WAITING));
  }

  @Test
  void stopWhileWaitingAbortsTheRun() throws Exception {
    CompletableFuture<RunOutcome> run = start(pipeline("{message: Deploy}"));
    Activity a = waiting();
    observer.requestStop(a.id());

    Activity done = finished(run);
    assertThat(done.status()).isEqualTo(Status.Aborted);
    assertThat(step(done, "deploy-approval").status()).isEqualTo(Status.Aborted);
    assertThat(step(done, "ship").status()).isEqualTo(Status.NotExecuted);
    assertThat(approver.forActivity(done.id())).singleElement()
        .satisfies(g -> assertThat(g.state()).isEqualTo(ApprovalState.Stopped));
  }
}
