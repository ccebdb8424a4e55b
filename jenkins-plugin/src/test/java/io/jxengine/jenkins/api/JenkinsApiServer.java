package io.jxengine.jenkins.api;

import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.ServerExtension;
import io.jxengine.server.ServerParts;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.SqliteRepositoryStore;
import io.jxengine.server.trigger.TriggerPlanner;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteApprovalStore;
import io.jxengine.store.SqliteServerStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real engine server on a loopback ephemeral port over a real SQLite home, with the Jenkins API
 * extension attached exactly as {@code jxe server} attaches it, and one API user.
 */
final class JenkinsApiServer implements AutoCloseable {
  static final String USER = "alice";

  final JxeHome home;
  final SqliteActivityStore activities;
  final FileLogStore logs;
  final String token;
  private final SqliteServerStore serverStore;
  private final StoreDb repoDb;
  private final ServerApp server;
  private final AutoCloseable extension;

  JenkinsApiServer(Path dir) throws IOException {
    home = new JxeHome(dir.resolve("home"), List.of()).ensureExists();
    token = new JenkinsUsers(JenkinsApiExtension.jenkinsHome(home.root())).createToken(USER);
    activities = SqliteActivityStore.open(home.database());
    serverStore = SqliteServerStore.open(home.database());
    repoDb = StoreDb.open(home.database());
    logs = new FileLogStore(home.logs());
    LocalSecretProvider secrets = new LocalSecretProvider(List.of(), Map.of());
    RunService runs = new RunService(activities, logs, new LocalBackend(home.scripts()), secrets,
        home, () -> SqliteApprovalStore.open(home.database()));
    TriggerPlanner nothing = (repo, event, id) -> TriggerPlanner.Decision.nothing("tests");
    ServerParts parts = new ServerParts(activities, serverStore, serverStore,
        new SqliteRepositoryStore(repoDb), nothing, repo -> Optional.empty(), runs,
        new PipelineLoader(Catalog.empty()));
    server = new ServerApp(ServerConfig.loopback(0).withWorkers(0), parts);
    extension = new JenkinsApiExtension().attach(
        new ServerExtension.Context(server, home, logs, secrets));
    server.start();
  }

  /** The API's root, ending in a slash. */
  String url() {
    return server.url() + JenkinsApiRoutes.PREFIX + "/";
  }

  @Override
  public void close() throws Exception {
    server.stop();
    extension.close();
    repoDb.close();
    serverStore.close();
    activities.close();
  }
}
