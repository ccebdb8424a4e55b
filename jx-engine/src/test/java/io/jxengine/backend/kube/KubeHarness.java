package io.jxengine.backend.kube;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepRecord;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.TestPipelines;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.engine.RunOutcome;
import io.jxengine.engine.RunRequest;
import io.jxengine.logs.FileLogStore;
import io.jxengine.logs.LogLine;
import io.jxengine.model.Pipeline;
import io.jxengine.store.SqliteActivityStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A cluster executor on a real SQLite store and log files, against a (mock) cluster. */
final class KubeHarness implements AutoCloseable {
  static final String SECRET = "s3cr3t-value";

  final SqliteActivityStore store;
  final FileLogStore logs;
  final KubeRunService service;

  KubeHarness(Path dir, KubernetesClient client) {
    this(SqliteActivityStore.open(dir.resolve("jxe.db")), new FileLogStore(dir.resolve("logs")), client);
  }

  KubeHarness(SqliteActivityStore store, FileLogStore logs, KubernetesClient client) {
    this.store = store;
    this.logs = logs;
    this.service = new KubeRunService(client, FakeTekton.NS, store, logs,
        (name, key) -> Optional.of(name.equals("registry") ? SECRET : "unused-" + key),
        TektonOptions.defaults(), new PodLogs(client));
  }

  /** Starts {@code p} on the cluster from another thread. */
  CompletableFuture<RunOutcome> start(Pipeline p, Backend.CancelSignal cancel) {
    RunRequest request = new RunRequest(p, TestPipelines.context("main"), null, 0, false);
    return CompletableFuture.supplyAsync(() -> service.run(request, RunListenerNone.INSTANCE, cancel));
  }

  Activity activity() {
    return store.list(io.jxengine.activity.ActivityFilter.all()).get(0);
  }

  StepRecord record(String name) {
    return activity().steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  Status status(String name) {
    return record(name).status();
  }

  List<String> log(String step) throws IOException {
    Activity a = activity();
    return logs.read(a.id(), record(step).id(), 0).stream().map(LogLine::text).toList();
  }

  @Override
  public void close() {
    service.close();
    store.close();
  }

  /** A console that prints nothing. */
  enum RunListenerNone implements RunListener {
    INSTANCE;

    @Override
    public void stage(String stage, Status status, String message) {}

    @Override
    public void step(String stage, String step, String phase, Status status, int attempt,
        Integer exitCode, String message) {}

    @Override
    public void log(String stage, String step, String line) {}
  }

  /** Awaitility with room for a loaded machine (the mock server and informers share 2 cores). */
  static org.awaitility.core.ConditionFactory eventually() {
    return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60));
  }
}
