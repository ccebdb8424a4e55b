package io.jxengine.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.webhook.Signatures;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.repos.Repository;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteServerStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real server on a loopback ephemeral port over a real SQLite home, with an in-memory
 * repository store, a fixed planner and a recording provider. {@link #restart} reopens everything
 * on the same home, as a new process would.
 */
final class ServerHarness implements AutoCloseable {
  static final String SECRET = "It's a Secret to Everybody";
  static final String OWNER = "acme";
  static final String NAME = "widget";
  static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final JxeHome home;
  final MemoryRepositoryStore repositories = new MemoryRepositoryStore();
  final RecordingProvider provider = new RecordingProvider();
  final FixedPlanner planner;
  final HttpClient http = HttpClient.newHttpClient();
  SqliteActivityStore activities;
  SqliteServerStore serverStore;
  ServerApp server;

  ServerHarness(Path dir, String pipelineYaml) throws IOException {
    this.dir = dir;
    this.home = new JxeHome(dir.resolve("home"), List.of()).ensureExists();
    LoadResult loaded =
        new PipelineLoader(Catalog.empty()).loadString(pipelineYaml, ".jx/pipeline.yaml", "ci");
    if (loaded.hasErrors()) {
      throw new IllegalArgumentException("bad test pipeline: " + loaded.diagnostics());
    }
    this.planner = new FixedPlanner(loaded.effective());
  }

  ServerApp start(ServerConfig config) {
    activities = SqliteActivityStore.open(home.database());
    serverStore = SqliteServerStore.open(home.database());
    RunService runs = new RunService(activities, new FileLogStore(home.logs()),
        new LocalBackend(home.scripts()), new LocalSecretProvider(List.of(), Map.of()), home);
    ServerParts parts = new ServerParts(activities, serverStore, serverStore, repositories,
        planner, repo -> repo.provider() == ProviderKind.GIT ? Optional.empty()
            : Optional.of(provider), runs, new PipelineLoader(Catalog.empty()));
    server = new ServerApp(config, parts).start();
    return server;
  }

  ServerApp restart(ServerConfig config) {
    stop();
    return start(config);
  }

  void stop() {
    if (server != null) {
      server.stop();
      serverStore.close();
      activities.close();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** A local git repository with one commit; registered as a GitHub repository. */
  Repository registerGitHub(Path origin) {
    return repositories.save(new Repository(0, ProviderKind.GITHUB, OWNER, NAME,
        origin.toUri().toString(), "https://api.github.com", null, SECRET, "main", List.of(),
        null, null, null));
  }

  Repository registerGit(Path origin) {
    return repositories.save(new Repository(0, ProviderKind.GIT, "local", "repo",
        origin.toUri().toString(), null, null, SECRET, "main", List.of(), origin.toString(),
        null, null));
  }

  static RevCommit commit(Path repoDir, String message) throws Exception {
    Git git = Files.isDirectory(repoDir.resolve(".git"))
        ? Git.open(repoDir.toFile())
        : Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call();
    try (git) {
      Path file = repoDir.resolve("README.md");
      Files.writeString(file, message + "\n");
      git.add().addFilepattern("README.md").call();
      PersonIdent who = new PersonIdent("Jane Doe", "jane@example.com");
      return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false)
          .call();
    }
  }

  byte[] pushPayload(String cloneUrl, String before, String after) {
    ObjectNode root = JSON.createObjectNode();
    root.put("ref", "refs/heads/main").put("before", before).put("after", after);
    ObjectNode repo = root.putObject("repository");
    repo.put("full_name", OWNER + "/" + NAME).put("name", NAME).put("clone_url", cloneUrl);
    repo.putObject("owner").put("login", OWNER);
    root.putObject("pusher").put("name", "jane");
    root.putObject("head_commit").put("message", "change").putObject("author").put("name", "Jane");
    root.putArray("commits");
    return bytes(root);
  }

  byte[] pullRequestPayload(String cloneUrl, int number, String action, String headSha) {
    ObjectNode root = JSON.createObjectNode();
    root.put("action", action).put("number", number);
    ObjectNode repo = root.putObject("repository");
    repo.put("full_name", OWNER + "/" + NAME).put("name", NAME).put("clone_url", cloneUrl);
    repo.putObject("owner").put("login", OWNER);
    ObjectNode pr = root.putObject("pull_request");
    pr.put("number", number).put("title", "a change").put("author_association", "MEMBER");
    pr.putObject("user").put("login", "jane");
    ObjectNode head = pr.putObject("head").put("ref", "feature").put("sha", headSha);
    head.putObject("repo").put("full_name", OWNER + "/" + NAME).put("clone_url", cloneUrl);
    ObjectNode base = pr.putObject("base").put("ref", "main").put("sha", headSha);
    base.putObject("repo").put("full_name", OWNER + "/" + NAME);
    return bytes(root);
  }

  static byte[] bytes(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> postGitHub(String event, String delivery, byte[] body, boolean signed)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + "/hook"))
        .header("X-GitHub-Event", event)
        .header("X-GitHub-Delivery", delivery)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signed) {
      b.header("X-Hub-Signature-256", Signatures.signGitHub(SECRET, body));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  List<Activity> activities() {
    return activities.list(ActivityFilter.all());
  }

  /** Counts rows straight from the file, as another process would see them. */
  long count(String table) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.database());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
