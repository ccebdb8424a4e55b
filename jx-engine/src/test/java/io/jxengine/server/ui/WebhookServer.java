package io.jxengine.server.ui;

import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.logs.LogStore;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.webhook.Signatures;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.ServerParts;
import io.jxengine.server.api.ApiContext;
import io.jxengine.server.api.ApiRoutes;
import io.jxengine.server.api.FileTokenVerifier;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.SqliteRepositoryStore;
import io.jxengine.server.trigger.DefaultTriggerPlanner;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqlitePullRequestGates;
import io.jxengine.store.SqliteServerStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole engine server wired as {@code cli/EmbeddedServer} wires it — SQLite activity, delivery,
 * queue, repository and pull-request-gate stores on one file in a temporary JXE_HOME, the real
 * {@link DefaultTriggerPlanner} with its git mirrors, the local backend, {@link ApiRoutes} with
 * the file token verifier and {@link UiRoutes} — on an ephemeral loopback port. Only the git
 * provider is a stand-in: every non-plain-git repository reports to {@link #provider}.
 */
final class WebhookServer implements AutoCloseable {
  final JxeHome home;
  final SqliteActivityStore activities;
  final SqliteServerStore serverStore;
  final SqliteRepositoryStore repositories;
  final RecordingStatuses provider = new RecordingStatuses();
  private final StoreDb repoDb;
  private final SqlitePullRequestGates gates;
  private final ServerApp app;
  private final HttpClient http = HttpClient.newHttpClient();

  private WebhookServer(Path dir) throws IOException {
    home = new JxeHome(dir, List.of()).ensureExists();
    activities = SqliteActivityStore.open(home.database());
    serverStore = SqliteServerStore.open(home.database());
    repoDb = StoreDb.open(home.database());
    repositories = new SqliteRepositoryStore(repoDb);
    gates = SqlitePullRequestGates.open(home.database());
    LogStore logs = new FileLogStore(home.logs());
    ProviderFactory providers = repo -> repo.provider() == ProviderKind.GIT
        ? Optional.empty() : Optional.of(provider);
    RunService runs = new RunService(activities, logs, new LocalBackend(home.scripts()),
        new LocalSecretProvider(List.of(home.secretsFile()), Map.of()), home);
    ServerConfig config = ServerConfig.loopback(0);
    app = new ServerApp(config, new ServerParts(activities, serverStore, serverStore,
        repositories, new DefaultTriggerPlanner(home, providers::forRepository, activities, gates),
        providers, runs, new PipelineLoader(Catalog.empty())));
    // As in production: no api-tokens file yet, so the verifier creates one with a random token.
    FileTokenVerifier tokens = FileTokenVerifier.open(home.root(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    app.addRoutes((javalin, server) -> {
      ApiRoutes.register(javalin, new ApiContext(activities, logs, repositories,
          server.runControl(), tokens, config.publicUrl()));
      UiRoutes.register(javalin);
    });
    app.start();
  }

  /** Starts a server whose JXE_HOME is {@code dir}. */
  static WebhookServer start(Path dir) throws IOException {
    return new WebhookServer(dir);
  }

  String url() {
    return app.url();
  }

  /** The token the server created in {@code $JXE_HOME/api-tokens}, as a user would copy it. */
  String apiToken() throws IOException {
    return Files.readAllLines(home.root().resolve(FileTokenVerifier.FILE_NAME)).stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no token in api-tokens"));
  }

  /** Posts {@code body} to {@code /hook} as GitHub does, signed with {@code secret}. */
  HttpResponse<String> postGitHub(String event, String delivery, byte[] body, String secret)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/hook"))
        .header("X-GitHub-Event", event)
        .header("X-GitHub-Delivery", delivery)
        .header("X-Hub-Signature-256", Signatures.signGitHub(secret, body))
        .header("Content-Type", "application/json")
        .header("User-Agent", "GitHub-Hookshot/e2e")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    // ServerApp.stop also stops the runs still going; the stores close after it.
    app.stop();
    gates.close();
    repoDb.close();
    serverStore.close();
    activities.close();
  }
}
