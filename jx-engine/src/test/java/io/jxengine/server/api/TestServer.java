package io.jxengine.server.api;

import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import io.jxengine.activity.Activity;
import io.jxengine.approval.ApprovalDesk;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.catalog.Catalog;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunRequest;
import io.jxengine.engine.RunService;
import io.jxengine.logs.FileLogStore;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.ui.UiRoutes;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteApprovalStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The API and UI on an ephemeral loopback port over real parts: a SQLite activity store and file
 * logs in a temporary JXE_HOME, a real RunService with the local backend, a file-backed token,
 * and in-memory repositories. Stands in for the server core in the API and browser tests.
 */
public final class TestServer implements AutoCloseable {
  /** The API token written to the test's {@code api-tokens} file. */
  public static final String TOKEN = "test-token-5f1c0e7a";
  /** A token that acts as user {@link #ALICE} (a line {@code alice:<token>} in the file). */
  public static final String ALICE_TOKEN = "alice-token-93be2d41";
  public static final String ALICE = "alice";

  /** Three stages; {@code build/compile} prints a line every 200 ms for about six seconds. */
  public static final String SLOW_PIPELINE = """
      stages:
        - name: build
          steps:
            - name: compile
              run: |
                for i in $(seq 1 30); do echo "compiling part $i"; sleep 0.2; done
        - name: test
          steps:
            - name: unit
              run: echo "unit tests passed"
        - name: publish
          steps:
            - name: upload
              run: echo "uploaded"
      """;

  /** One quick stage. */
  public static final String QUICK_PIPELINE = """
      stages:
        - name: build
          steps:
            - name: compile
              run: echo "built in no time"
      """;

  private final JxeHome home;
  private final SqliteActivityStore store;
  private final SqliteApprovalStore approvals;
  private final FileLogStore logs;
  private final InMemoryRepositoryStore repositories = new InMemoryRepositoryStore();
  private final TestRunControl runs;
  private final Path source;
  private final Javalin app;
  private final String baseUrl;

  private TestServer(Path dir) throws IOException {
    home = new JxeHome(dir.resolve("jxe-home"), List.of()).ensureExists();
    Files.writeString(home.root().resolve(FileTokenVerifier.FILE_NAME),
        TOKEN + "\n" + ALICE + ":" + ALICE_TOKEN + "\n");
    store = SqliteActivityStore.open(home.database());
    logs = new FileLogStore(home.logs());
    RunService runService = new RunService(store, logs,
        new LocalBackend(home.scripts(), Duration.ofMillis(500)),
        new LocalSecretProvider(List.of(), Map.of()), home,
        () -> SqliteApprovalStore.open(home.database()));
    approvals = SqliteApprovalStore.open(home.database());
    runs = new TestRunControl(runService, store);
    source = Files.createDirectories(dir.resolve("source"));
    Files.writeString(source.resolve("README.md"), "a repository to build\n");
    TokenVerifier tokens = FileTokenVerifier.open(
        home.root(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    int port = freePort();
    baseUrl = "http://127.0.0.1:" + port;
    ApiContext api = new ApiContext(store, logs, repositories, runs, tokens, baseUrl);
    app = Javalin.create(config -> config.showJavalinBanner = false);
    ApiRoutes.register(app, api, new ApprovalDesk(approvals));
    UiRoutes.register(app);
    app.start("127.0.0.1", port);
  }

  /** Starts a server whose state lives under {@code dir} (a JUnit temp directory). */
  public static TestServer start(Path dir) throws IOException {
    return new TestServer(dir);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  public String baseUrl() {
    return baseUrl;
  }

  public SqliteActivityStore store() {
    return store;
  }

  public InMemoryRepositoryStore repositories() {
    return repositories;
  }

  public TestRunControl runs() {
    return runs;
  }

  /** The context of a push to {@code branch} of acme/widget. */
  public static RunContext push(String branch) {
    return new RunContext("acme", "widget", branch, null, "push",
        "https://github.com/acme/widget.git", "0123456789abcdef0123456789abcdef01234567",
        "Make it faster", "jdoe", null, null, null, null, "1.0.0", "postsubmit", null);
  }

  /** Starts a run of {@code yaml} and returns its activity id as soon as the store has it. */
  public long startRun(String yaml, RunContext context) {
    LoadResult loaded = new PipelineLoader(Catalog.empty())
        .loadString(yaml, ".jx/pipeline.yaml", "release");
    if (loaded.hasErrors()) {
      throw new IllegalArgumentException("test pipeline does not load: " + loaded.diagnostics());
    }
    Pipeline pipeline = loaded.effective();
    return runs.start(new RunRequest(pipeline, context, source, 0, false));
  }

  /** Waits until the activity has ended and returns it. */
  public Activity awaitEnd(long id) {
    return await().atMost(Duration.ofSeconds(60))
        .until(() -> store.get(id).orElseThrow(), a -> a.status().isTerminal());
  }

  @Override
  public void close() {
    runs.close();
    app.stop();
    approvals.close();
    store.close();
  }
}
