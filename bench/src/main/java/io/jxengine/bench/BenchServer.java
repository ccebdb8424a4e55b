package io.jxengine.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.webhook.Signatures;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerConfig;
import io.jxengine.server.ServerParts;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.SqliteRepositoryStore;
import io.jxengine.server.trigger.DefaultTriggerPlanner;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqlitePullRequestGates;
import io.jxengine.store.SqliteServerStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine server in-process on embedded defaults, as {@code jxe server} wires it (real SQLite
 * home, {@link SqliteRepositoryStore}, {@link DefaultTriggerPlanner}, local executor) on a
 * loopback port, with a real bare git repository (git CLI) registered as the GitHub repository
 * {@code acme/widget}. Not thread-safe to build; {@link #post} may be called from many threads.
 */
final class BenchServer implements AutoCloseable {
  static final String SECRET = "bench-webhook-secret";
  static final String OWNER = "acme";
  static final String NAME = "widget";
  static final String ZEROS = "0".repeat(40);
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final JxeHome home;
  final Path bare;
  final Path clone;
  final SqliteActivityStore activities;
  final SqliteServerStore serverStore;
  final RunService runService;
  final HttpClient http;
  private final StoreDb repoDb;
  private final SqlitePullRequestGates gates;
  private final ServerApp app;
  private String head;

  /** Makes the repository with {@code pipelineYaml} as its first commit, then starts the server. */
  BenchServer(Path dir, String pipelineYaml, ServerConfig config, HttpClient http)
      throws IOException, InterruptedException {
    this(dir, pipelineYaml, config, http, (javalin, server) -> {});
  }

  /** As above, with {@code routes} added to the server's Javalin before it starts. */
  BenchServer(Path dir, String pipelineYaml, ServerConfig config, HttpClient http,
      ServerApp.RouteRegistrar routes) throws IOException, InterruptedException {
    this.dir = dir;
    this.http = http;
    this.home = new JxeHome(dir.resolve("home"), List.of()).ensureExists();
    this.bare = dir.resolve("origin.git");
    this.clone = dir.resolve("work");
    git(dir, "init", "-q", "--bare", "-b", "main", bare.toString());
    git(dir, "clone", "-q", bare.toString(), clone.toString());
    git(clone, "config", "user.name", "Bench");
    git(clone, "config", "user.email", "bench@example.com");
    git(clone, "config", "commit.gpgsign", "false");
    git(clone, "checkout", "-q", "-b", "main");
    Files.createDirectories(clone.resolve(".jx"));
    Files.writeString(clone.resolve(".jx/pipeline.yaml"), pipelineYaml);
    head = commitAndPush("first");

    activities = SqliteActivityStore.open(home.database());
    serverStore = SqliteServerStore.open(home.database());
    repoDb = StoreDb.open(home.database());
    gates = SqlitePullRequestGates.open(home.database());
    SqliteRepositoryStore repositories = new SqliteRepositoryStore(repoDb);
    repositories.save(new Repository(0, ProviderKind.GITHUB, OWNER, NAME,
        bare.toUri().toString(), "https://api.github.com", null, SECRET, "main", List.of(),
        null, null, null));
    runService = new RunService(activities, new FileLogStore(home.logs()),
        new LocalBackend(home.scripts()), new LocalSecretProvider(List.of(), Map.of()), home);
    ProviderFactory providers = ProviderFactory.none();
    ServerParts parts = new ServerParts(activities, serverStore, serverStore, repositories,
        new DefaultTriggerPlanner(home, providers::forRepository, activities, gates),
        providers, runService, new PipelineLoader(Catalog.empty()));
    app = new ServerApp(config, parts).addRoutes(routes).start();
  }

  String url() {
    return app.url();
  }

  String head() {
    return head;
  }

  /** A new commit on main in the clone, pushed to the bare repository; returns its sha. */
  String commitAndPush(String message) throws IOException, InterruptedException {
    Files.writeString(clone.resolve("README.md"), message + "\n");
    git(clone, "add", "-A");
    git(clone, "commit", "-q", "--no-verify", "-m", message);
    git(clone, "push", "-q", "origin", "main");
    head = git(clone, "rev-parse", "HEAD").trim();
    return head;
  }

  /** A GitHub push payload for {@code ref} moving from {@code before} to {@code after}. */
  byte[] pushPayload(String ref, String before, String after) {
    ObjectNode root = JSON.createObjectNode();
    root.put("ref", ref).put("before", before).put("after", after);
    ObjectNode repo = root.putObject("repository");
    repo.put("full_name", OWNER + "/" + NAME).put("name", NAME)
        .put("clone_url", bare.toUri().toString());
    repo.putObject("owner").put("login", OWNER);
    root.putObject("pusher").put("name", "bench");
    root.putObject("head_commit").put("message", "bench").putObject("author").put("name", "B");
    root.putArray("commits");
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** POSTs a signed GitHub push to {@code /hook}; returns the HTTP status. */
  int post(String delivery, byte[] body) throws IOException, InterruptedException {
    return post(http, url(), delivery, body);
  }

  static int post(HttpClient http, String baseUrl, String delivery, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/hook"))
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", delivery)
        .header("Content-Type", "application/json")
        .header("X-Hub-Signature-256", Signatures.signGitHub(SECRET, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The newest activity of a commit, steps included. */
  Optional<Activity> activityOf(String sha) {
    return activities.list(new ActivityFilter(OWNER, NAME, null, null, null, 5)).stream()
        .filter(a -> sha.equals(a.commitSha()))
        .findFirst()
        .flatMap(a -> activities.get(a.id()));
  }

  /** Rows of a table, read from the file as another process would see them. */
  long count(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.database());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
    gates.close();
    repoDb.close();
    serverStore.close();
    activities.close();
  }

  static String git(Path cwd, String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
