package io.jxengine.server.repos;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.cli.Main;
import io.jxengine.scm.ProviderKind;
import io.jxengine.store.StoreDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqliteRepositoryStore} serves reads from memory, yet sees every change committed to the
 * file by anyone: {@code jxe import} run as a separate process while the store is open (as while
 * {@code jxe server} runs), and plain SQL from another connection (an older jxe, a user's sqlite3).
 */
class RepositoryCacheIT {
  @TempDir Path tmp;

  private Path database() {
    return tmp.resolve("home/jxe.db");
  }

  @Test
  void unchangedRepositoriesAreServedFromMemory() throws Exception {
    Files.createDirectories(database().getParent());
    try (StoreDb db = StoreDb.open(database())) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      Repository saved = store.save(new Repository(0, ProviderKind.GITHUB, "acme", "api",
          "https://github.com/acme/api.git", null, null, "s1", "main", List.of(), null, null,
          Instant.EPOCH));

      Repository first = store.find(ProviderKind.GITHUB, "acme", "api").orElseThrow();
      // The same object again: no row was read for the second lookup.
      assertThat(store.find(ProviderKind.GITHUB, "acme", "api")).containsSame(first);
      assertThat(store.get(saved.id())).containsSame(first);
      assertThat(store.find(ProviderKind.GITLAB, "acme", "api")).isEmpty();
      assertThat(store.find(ProviderKind.GITHUB, "ACME", "api")).as("exact, as SQL =").isEmpty();
    }
  }

  @Test
  void seesImportsAndReimportsByAnotherProcess() throws Exception {
    Files.createDirectories(database().getParent());
    try (StoreDb db = StoreDb.open(database())) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      assertThat(store.list()).isEmpty(); // warm: an empty snapshot is cached

      String out = jxe("import", "https://github.com/acme/api.git", "--trusted", "alice");
      String secret = out.lines().filter(l -> l.contains("Secret:")).findFirst().orElseThrow()
          .replaceAll(".*Secret:\\s*", "");
      Repository imported = store.find(ProviderKind.GITHUB, "acme", "api").orElseThrow();
      assertThat(imported.webhookSecret()).isEqualTo(secret);
      assertThat(imported.trustedUsers()).containsExactly("alice");

      jxe("import", "https://github.com/acme/api.git", "--trusted", "carol");
      assertThat(store.find(ProviderKind.GITHUB, "acme", "api")).get()
          .extracting(Repository::trustedUsers).asList().containsExactly("carol");
      assertThat(store.get(imported.id())).get()
          .extracting(Repository::trustedUsers).asList().containsExactly("carol");
    }
  }

  @Test
  void seesSecretChangesAndRemovalsByAnotherConnection() throws Exception {
    Files.createDirectories(database().getParent());
    try (StoreDb db = StoreDb.open(database())) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      Repository saved = store.save(new Repository(0, ProviderKind.GITHUB, "acme", "api",
          "https://github.com/acme/api.git", null, null, "old", "main", List.of(), null, null,
          Instant.EPOCH));
      assertThat(store.find(ProviderKind.GITHUB, "acme", "api")).get()
          .extracting(Repository::webhookSecret).isEqualTo("old");

      sql("UPDATE repositories SET webhook_secret = 'new' WHERE id = " + saved.id());
      assertThat(store.find(ProviderKind.GITHUB, "acme", "api")).get()
          .extracting(Repository::webhookSecret).isEqualTo("new");

      sql("DELETE FROM repositories WHERE id = " + saved.id());
      assertThat(store.find(ProviderKind.GITHUB, "acme", "api")).isEmpty();
      assertThat(store.get(saved.id())).isEmpty();
      assertThat(store.list()).isEmpty();
    }
  }

  @Test
  void removalThroughTheStoreItselfIsSeenAtOnce() {
    try (StoreDb db = StoreDb.open(tmp.resolve("jxe.db"))) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      Repository saved = store.save(new Repository(0, ProviderKind.GITEA, "acme", "api",
          "https://gitea.example/acme/api.git", null, null, "s", "main", List.of(), null, null,
          Instant.EPOCH));
      assertThat(store.get(saved.id())).isPresent();
      assertThat(store.remove(saved.id())).isTrue();
      assertThat(store.get(saved.id())).isEmpty();
    }
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
      s.execute(statement);
    }
  }

  /** Runs {@code jxe} as its own process on this test's home; returns its output. */
  private String jxe(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("JXE_HOME", database().getParent().toString());
    Path out = tmp.resolve("out.txt");
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }
}
