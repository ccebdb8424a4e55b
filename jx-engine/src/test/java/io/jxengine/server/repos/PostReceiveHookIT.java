package io.jxengine.server.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.GitFixture;
import io.jxengine.store.StoreDb;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jxe import} of a local bare repository, then real {@code git push}es into it. */
class PostReceiveHookIT {
  @TempDir Path tmp;
  private GitFixture git;
  private Path home;
  private StoreDb db;
  private SqliteRepositoryStore store;

  @BeforeEach
  void setUp() throws IOException {
    git = new GitFixture(tmp);
    home = tmp.resolve("jxe-home");
    db = StoreDb.open(home.resolve("jxe.db"));
    store = new SqliteRepositoryStore(db);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private RepositoryImporter.Result importBare(Path bare, PostReceiveHook hook, String serverUrl, boolean force)
      throws IOException {
    return new RepositoryImporter(store, hook, home)
        .importRepository(
            new RepositoryImporter.Request(
                bare.toString(), null, null, null, null, List.of(), null, null, serverUrl, force, tmp));
  }

  @Test
  void pushIntoImportedBareRepositoryPostsTheRefLinesWithTheToken() throws IOException {
    Path bare = git.bare("app");
    try (TestHttpServer engine = new TestHttpServer(202)) {
      ServerAddress.write(home, engine.url() + "/");
      RepositoryImporter.Result result = importBare(bare, PostReceiveHook.detect(), null, false);
      Repository repo = result.repository();
      assertThat(result.created()).isTrue();
      assertThat(result.hook()).isEqualTo(bare.resolve("hooks/post-receive"));
      assertThat(repo.provider()).isEqualTo(ProviderKind.GIT);
      assertThat(repo.fullName()).isEqualTo(tmp.getFileName() + "/app");
      assertThat(repo.localPath()).isEqualTo(bare.toString());
      assertThat(repo.webhookSecret()).matches("[0-9a-f]{64}");
      assertThat(Files.getPosixFilePermissions(result.hook()))
          .isEqualTo(PosixFilePermissions.fromString("rwx------"));

      Path work = git.clone(bare, "work");
      String sha = git.commit(work, Map.of("README.md", "hello\n"), "first");
      GitFixture.Result push = git.push(work, "main");

      assertThat(push.exit()).isZero();
      assertThat(push.err()).doesNotContain("jxe: warning");
      assertThat(engine.received)
          .containsExactly(
              new TestHttpServer.Received(
                  "POST",
                  "/hook/git/" + repo.id(),
                  repo.webhookSecret(),
                  "0".repeat(40) + " " + sha + " refs/heads/main\n"));
    }
  }

  @Test
  void severalRefsInOnePushArriveAsOneLineEach() throws IOException {
    Path bare = git.bare("multi");
    try (TestHttpServer engine = new TestHttpServer(202)) {
      RepositoryImporter.Result result = importBare(bare, PostReceiveHook.detect(), engine.url(), false);
      Path work = git.clone(bare, "work");
      String first = git.commit(work, Map.of("a.txt", "a"), "a");
      git.ok(work, "tag", "v1");
      git.ok(work, "branch", "feature");
      GitFixture.Result push = git.push(work, "main", "feature", "v1");

      assertThat(push.exit()).isZero();
      assertThat(engine.received).hasSize(1);
      assertThat(engine.received.get(0).path()).isEqualTo("/hook/git/" + result.repository().id());
      String zeros = "0".repeat(40);
      assertThat(engine.received.get(0).body().lines().toList())
          .containsExactlyInAnyOrder(
              zeros + " " + first + " refs/heads/main",
              zeros + " " + first + " refs/heads/feature",
              zeros + " " + first + " refs/tags/v1");
    }
  }

  @Test
  void anEngineThatIsDownDoesNotFailThePush() throws IOException {
    Path bare = git.bare("down");
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ServerAddress.write(home, "http://127.0.0.1:" + closedPort);
    importBare(bare, PostReceiveHook.detect(), null, false);
    Path work = git.clone(bare, "work");
    git.commit(work, Map.of("a.txt", "a"), "a");

    GitFixture.Result push = git.push(work, "main");

    assertThat(push.exit()).isZero();
    assertThat(push.err()).contains("jxe: warning");
    assertThat(git.ok(bare, "rev-parse", "main").out().trim())
        .isEqualTo(git.ok(work, "rev-parse", "HEAD").out().trim());
  }

  @Test
  void anEngineAnsweringAnErrorOnlyWarns() throws IOException {
    Path bare = git.bare("rejects");
    try (TestHttpServer engine = new TestHttpServer(401)) {
      importBare(bare, PostReceiveHook.detect(), engine.url(), false);
      Path work = git.clone(bare, "work");
      git.commit(work, Map.of("a.txt", "a"), "a");

      GitFixture.Result push = git.push(work, "main");

      assertThat(push.exit()).isZero();
      assertThat(push.err()).contains("jxe: warning").contains("401");
      assertThat(engine.received).hasSize(1);
    }
  }

  @Test
  void withoutCurlTheHookPostsWithJava() throws IOException {
    Path bare = git.bare("nocurl");
    PostReceiveHook javaOnly = new PostReceiveHook(null, PostReceiveHook.detect().javaPath());
    try (TestHttpServer engine = new TestHttpServer(202)) {
      RepositoryImporter.Result result = importBare(bare, javaOnly, engine.url(), false);
      Path work = git.clone(bare, "work");
      String sha = git.commit(work, Map.of("a.txt", "a"), "a");

      GitFixture.Result push = git.push(work, "main");

      assertThat(push.exit()).isZero();
      assertThat(push.err()).doesNotContain("jxe: warning");
      assertThat(engine.received).hasSize(1);
      assertThat(engine.received.get(0).token()).isEqualTo(result.repository().webhookSecret());
      assertThat(engine.received.get(0).body()).isEqualTo("0".repeat(40) + " " + sha + " refs/heads/main\n");
    }
  }

  @Test
  void aForeignHookIsRefusedUnlessForcedThenChained() throws IOException {
    Path bare = git.bare("foreign");
    Path hook = bare.resolve("hooks/post-receive");
    Path ran = tmp.resolve("foreign-ran.txt");
    Files.writeString(hook, "#!/bin/sh\ncat > '" + ran + "'\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThatThrownBy(() -> importBare(bare, PostReceiveHook.detect(), "http://127.0.0.1:1", false))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("--force");
    assertThat(store.list()).isEmpty();
    assertThat(Files.readString(hook)).doesNotContain(PostReceiveHook.MARKER);

    try (TestHttpServer engine = new TestHttpServer(202)) {
      RepositoryImporter.Result result = importBare(bare, PostReceiveHook.detect(), engine.url(), true);
      assertThat(result.chained()).isEqualTo(bare.resolve("hooks/" + PostReceiveHook.CHAINED));
      Path work = git.clone(bare, "work");
      String sha = git.commit(work, Map.of("a.txt", "a"), "a");

      assertThat(git.push(work, "main").exit()).isZero();

      String line = "0".repeat(40) + " " + sha + " refs/heads/main\n";
      assertThat(Files.readString(ran)).isEqualTo(line);
      assertThat(engine.received).extracting(TestHttpServer.Received::body).containsExactly(line);
    }
  }

  @Test
  void reimportKeepsIdAndSecretAndReplacesOurHookWithoutForce() throws IOException {
    Path bare = git.bare("again");
    Repository first = importBare(bare, PostReceiveHook.detect(), "http://127.0.0.1:1", false).repository();
    RepositoryImporter.Result second = importBare(bare, PostReceiveHook.detect(), "http://127.0.0.1:2", false);

    assertThat(second.created()).isFalse();
    assertThat(second.chained()).isNull();
    assertThat(second.repository().id()).isEqualTo(first.id());
    assertThat(second.repository().webhookSecret()).isEqualTo(first.webhookSecret());
    assertThat(Files.readString(second.hook())).contains("http://127.0.0.1:2").doesNotContain("127.0.0.1:1'");
  }

  @Test
  void aPathThatIsNotARepositoryIsRefused() throws IOException {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> importBare(plain, PostReceiveHook.detect(), null, false))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("not a git repository");
    assertThatThrownBy(() -> importBare(tmp.resolve("missing"), PostReceiveHook.detect(), null, false))
        .isInstanceOf(ImportException.class);
    assertThat(store.list()).isEmpty();
  }

  @Test
  void aWorkingCloneIsRegisteredWithoutAHook() throws IOException {
    Path bare = git.bare("origin");
    Path work = git.clone(bare, "checkout");
    RepositoryImporter.Result result = importBare(work, PostReceiveHook.detect(), null, false);

    assertThat(result.hook()).isNull();
    assertThat(result.repository().localPath()).isNull();
    assertThat(result.repository().cloneUrl()).isEqualTo(work.toString());
    assertThat(Files.exists(work.resolve(".git/hooks/post-receive"))).isFalse();
  }
}
