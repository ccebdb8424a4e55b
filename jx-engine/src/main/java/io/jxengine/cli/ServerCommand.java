package io.jxengine.cli;

import io.jxengine.catalog.Catalog;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.ServerParts;
import io.jxengine.secrets.SecretProvider;
import io.jxengine.server.SecretProviderFactory;
import io.jxengine.server.api.ApiContext;
import io.jxengine.server.api.ApiRoutes;
import io.jxengine.server.api.FileTokenVerifier;
import io.jxengine.server.cron.CronScheduler;
import io.jxengine.server.poll.JGitRefLister;
import io.jxengine.server.poll.Poller;
import io.jxengine.server.poll.SqliteSeenRefs;
import io.jxengine.server.repos.RepoMirrors;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.repos.ServerAddress;
import io.jxengine.server.ui.UiRoutes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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
    RepositoryStore repositories = engine.repositories();
    SecretProvider secrets = engine.secrets(List.of());
    ProviderFactory providers = new SecretProviderFactory(secrets);
    RepoMirrors mirrors = new RepoMirrors(engine.home().root());
    ServerParts parts =
        new ServerParts(
            engine.store(), serverStore, serverStore, repositories,
            TriggerPlanners.create(engine.home(), engine.store(), providers),
            providers, engine.runService(List.of()), new PipelineLoader(Catalog.empty()));
    ServerApp server =
        new ServerApp(
            new ServerConfig(bind, port, maxRuns, ServerConfig.DEFAULT_WORKERS, publicUrl), parts);
    FileTokenVerifier tokens = FileTokenVerifier.open(engine.home().root(), System.out);
    server.addRoutes((app, s) -> {
      ApiRoutes.register(app, new ApiContext(engine.store(), engine.logs(), repositories,
          s.runControl(), tokens, publicUrl));
      UiRoutes.register(app);
    });
    Poller poller = new Poller(repositories, new SqliteSeenRefs(engine.repoDb()),
        new JGitRefLister(), server::deliver, Clock.systemUTC());
    CronScheduler cron = new CronScheduler(repositories, mirrors::get, server::deliver,
        Clock.systemUTC(), Duration.ofMinutes(1));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      poller.close();
      cron.close();
      server.stop();
      mirrors.close();
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
    try {
      ServerAddress.write(engine.home().root(), server.url());
    } catch (IOException e) {
      out.println("jxe: warning: cannot write " + ServerAddress.file(engine.home().root())
          + " (git hooks of imported repositories will not find the server): " + e.getMessage());
    }
    poller.start(Duration.ofSeconds(10));
    cron.start(Duration.ofSeconds(30));
    out.println("jxe server listening on " + server.url() + " (webhooks: POST /hook, UI: "
        + server.url() + "/)");
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
}
