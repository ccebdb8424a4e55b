package io.jxengine.cli;

import io.jxengine.catalog.Catalog;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.ServerParts;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.trigger.TriggerPlanner;
import io.jxengine.store.SqliteServerStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the engine server: receives git webhooks, runs the pipelines they trigger, reports",
      "commit statuses. Runs until stopped (Ctrl-C, SIGTERM), then stops running builds cleanly."
    })
final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(names = "--bind", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(names = "--max-runs", description = "Runs at once; more wait in a queue (default ${DEFAULT-VALUE}).")
  int maxRuns = ServerConfig.DEFAULT_MAX_RUNS;

  @Option(names = "--url", description = "The server's public URL for links in commit statuses.")
  String publicUrl;

  @Override
  public Integer call() throws InterruptedException {
    if (maxRuns < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--max-runs must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    EngineContext engine = new EngineContext();
    SqliteServerStore serverStore = SqliteServerStore.open(engine.home().database());
    ServerParts parts =
        new ServerParts(
            engine.store(), serverStore, serverStore, repositories(serverStore),
            planner(), providers(), engine.runService(List.of()),
            new PipelineLoader(Catalog.empty()));
    ServerApp server =
        new ServerApp(
            new ServerConfig(bind, port, maxRuns, ServerConfig.DEFAULT_WORKERS, publicUrl), parts);
    // Merge point: the REST API and UI, e.g. server.addRoutes(ApiRoutes::register).
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      serverStore.close();
      engine.close();
      stopped.countDown();
    }, "jxe-server-shutdown"));
    try {
      server.start();
    } catch (RuntimeException e) {
      // Most often the port is taken: the user's to fix, not an engine failure.
      throw new UserException("cannot start the server on " + bind + ":" + port + ": "
          + rootMessage(e));
    }
    out.println("jxe server listening on " + server.url() + " (webhooks: POST /hook)");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  /** Merge point: the SQLite repository store of {@code jxe import}. */
  private static RepositoryStore repositories(SqliteServerStore store) {
    return new UnwiredRepositories();
  }

  /** Merge point: the real trigger planner. */
  private static TriggerPlanner planner() {
    return (repo, event, deliveryId) ->
        TriggerPlanner.Decision.nothing("no trigger planner is wired into this build");
  }

  /** Merge point: {@code GitProviders.create(...)}. */
  private static ProviderFactory providers() {
    return ProviderFactory.none();
  }
}
