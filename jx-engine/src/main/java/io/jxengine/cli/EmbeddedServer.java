package io.jxengine.cli;

import io.jxengine.catalog.Catalog;
import io.jxengine.engine.PipelineRunner;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.SecretProvider;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.SecretProviderFactory;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.ServerExtension;
import io.jxengine.approval.ApprovalDesk;
import io.jxengine.store.SqliteApprovalStore;
import io.jxengine.server.ServerParts;
import io.jxengine.server.api.ApiContext;
import io.jxengine.server.api.ApiRoutes;
import io.jxengine.server.api.FileTokenVerifier;
import io.jxengine.server.cron.CronScheduler;
import io.jxengine.server.poll.JGitRefLister;
import io.jxengine.server.poll.Poller;
import io.jxengine.server.poll.SqliteSeenRefs;
import io.jxengine.server.trigger.RepoMirror;
import java.nio.file.Path;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.repos.ServerAddress;
import io.jxengine.server.ui.UiRoutes;
import io.jxengine.store.SqliteServerStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import io.jxengine.server.queue.DeliveryStore;
import io.jxengine.server.runs.RunQueue;

/**
 * The engine server on embedded defaults, wired and started: webhooks, the trigger planner, the
 * run queue, the REST API and UI, polling and cron. Used by {@code jxe server} and {@code jxe
 * quickstart}. {@link #close} stops everything it started, in reverse order.
 */
final class EmbeddedServer implements AutoCloseable {
  private final ServerApp app;
  private final AutoCloseable serverStore;
  private final Poller poller;
  private final CronScheduler cron;
  private final List<AutoCloseable> extensions;
  private final Consumption consumption;

  private EmbeddedServer(ServerApp app, AutoCloseable serverStore,
      Poller poller, CronScheduler cron, List<AutoCloseable> extensions,
      Consumption consumption) {
    this.extensions = extensions;
    this.consumption = consumption;
    this.app = app;
    this.serverStore = serverStore;
    this.poller = poller;
    this.cron = cron;
  }

  /**
   * Where the server keeps deliveries and its run queue, and who decides when it consumes them.
   *
   * @param store closed when the server stops
   * @param runner what runs the pipelines (the caller closes it)
   * @param consumption given the server before it starts (may defer its consumption), started
   *     after it starts, closed first when it stops
   */
  record State(DeliveryStore deliveries, RunQueue queue, AutoCloseable store,
      RepositoryStore repositories, ProviderFactory providers, PipelineRunner runner,
      Function<ServerApp, Consumption> consumption) {}

  /** What starts and stops the server's consumption of its queue (leader election). */
  interface Consumption extends AutoCloseable {
    void start();

    @Override
    void close();
  }

  /** Starts the server; a port that cannot be bound is a {@link UserException}. */
  static EmbeddedServer start(EngineContext engine, ServerConfig config, PrintWriter out) {
    SqliteServerStore serverStore = SqliteServerStore.open(engine.home().database());
    return start(engine, config, out, new State(serverStore, serverStore, serverStore,
        engine.repositories(), new SecretProviderFactory(engine.secrets(List.of())),
        engine.runService(List.of()), app -> new Consumption() {
          @Override
          public void start() {}

          @Override
          public void close() {}
        }));
  }

  /** Starts the server on {@code state}; a port that cannot be bound is a {@link UserException}. */
  static EmbeddedServer start(
      EngineContext engine, ServerConfig config, PrintWriter out, State state) {
    AutoCloseable serverStore = state.store();
    RepositoryStore repositories = state.repositories();
    SecretProvider secrets = engine.secrets(List.of());
    ProviderFactory providers = state.providers();
    ServerParts parts =
        new ServerParts(
            engine.store(), state.deliveries(), state.queue(), repositories,
            TriggerPlanners.create(engine.home(), engine.store(), providers),
            providers, state.runner(), new PipelineLoader(Catalog.empty()));
    ServerApp app = new ServerApp(config, parts);
    FileTokenVerifier tokens =
        FileTokenVerifier.open(engine.home().root(), new PrintStream(System.out, true));
    // approval gates live in the SQLite file beside the runs of this server (closed with it)
    SqliteApprovalStore approvals = SqliteApprovalStore.open(engine.home().database());
    app.addRoutes((javalin, s) -> {
      ApiRoutes.register(javalin, new ApiContext(engine.store(), engine.logs(), repositories,
          s.runControl(), tokens, config.publicUrl()), new ApprovalDesk(approvals));
      UiRoutes.register(javalin);
    });
    List<AutoCloseable> extensions = new java.util.ArrayList<>();
    extensions.add(approvals);
    ServerExtension.Context context =
        new ServerExtension.Context(app, engine.home(), engine.logs(), secrets);
    for (ServerExtension extension : java.util.ServiceLoader.load(ServerExtension.class)) {
      extensions.add(extension.attach(context));
    }
    Poller poller = new Poller(repositories, new SqliteSeenRefs(engine.repoDb()),
        new JGitRefLister(), app::deliver, Clock.systemUTC());
    // Cron reads the trigger planner's mirrors; RepoMirror locks each directory, so the two never
    // fetch into one repository at the same time.
    Path mirrorsDir = engine.home().root().resolve("mirrors");
    CronScheduler cron = new CronScheduler(repositories, r -> RepoMirror.of(mirrorsDir, r), app::deliver,
        Clock.systemUTC(), Duration.ofMinutes(1));
    Consumption consumption = state.consumption().apply(app);
    try {
      app.start();
    } catch (RuntimeException e) {
      consumption.close();
      closeAll(extensions);
      closeQuietly(serverStore);
      // Most often the port is taken: the user's to fix, not an engine failure.
      throw new UserException("cannot start the server on " + config.bind() + ":"
          + config.port() + ": " + rootMessage(e));
    }
    try {
      ServerAddress.write(engine.home().root(), app.url());
    } catch (IOException e) {
      out.println("jxe: warning: cannot write " + ServerAddress.file(engine.home().root())
          + " (git hooks of imported repositories will not find the server): " + e.getMessage());
    }
    consumption.start();
    poller.start(Duration.ofSeconds(10));
    cron.start(Duration.ofSeconds(30));
    return new EmbeddedServer(app, serverStore, poller, cron, extensions, consumption);
  }

  String url() {
    return app.url();
  }

  @Override
  public void close() {
    poller.close();
    cron.close();
    // Releases the lease first, so a follower takes over while this server stops.
    consumption.close();
    app.stop();
    closeAll(extensions);
    closeQuietly(serverStore);
  }

  private static void closeQuietly(AutoCloseable store) {
    try {
      store.close();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(EmbeddedServer.class)
          .warn("the server store did not close cleanly: {}", e.toString());
    }
  }

  /** Closes extensions in reverse order; one failing to stop does not keep the others running. */
  private static void closeAll(List<AutoCloseable> extensions) {
    for (int i = extensions.size() - 1; i >= 0; i--) {
      try {
        extensions.get(i).close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(EmbeddedServer.class)
            .warn("a server extension did not stop cleanly: {}", e.toString());
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
