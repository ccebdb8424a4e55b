package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.activity.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening files: migration by Flyway, the fast path, and files that are not stores. */
class SqliteActivityStoreOpenIT {
  @TempDir Path dir;

  @Test
  void flywayMigratesAnEmptyFileToTheLatestSchema() throws Exception {
    Path file = dir.resolve("nested/dirs/activities.db");

    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      assertThat(store.ranMigrations()).isTrue();
    }

    // Every bundled migration ran, the newest being Schema.LATEST (others come with features).
    assertThat(query(file, "SELECT version FROM flyway_schema_history WHERE success = 1"))
        .containsExactlyElementsOf(bundledVersions())
        .last().isEqualTo("" + Schema.LATEST);
    assertThat(query(file, "PRAGMA user_version")).containsExactly("" + Schema.LATEST);
    assertThat(query(file, "PRAGMA journal_mode")).containsExactly("wal");
    assertThat(query(file, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        .contains("activities", "steps");
  }

  @Test
  void storesOpeningANewFileAtOnceMigrateItOnce() throws Exception {
    Path file = dir.resolve("activities.db");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Boolean>> openers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        openers.add(() -> {
          try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
            store.create(Activities.of("acme", "api", "main"));
            return store.ranMigrations();
          }
        });
      }
      List<Boolean> ranFlyway = new ArrayList<>();
      for (Future<Boolean> f : pool.invokeAll(openers)) {
        ranFlyway.add(f.get());
      }

      assertThat(ranFlyway).containsExactlyInAnyOrder(true, false, false);
      assertThat(query(file, "SELECT build FROM activities")).hasSize(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aZeroByteFileIsAnEmptyDatabase() throws Exception {
    Path file = Files.createFile(dir.resolve("activities.db"));

    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      assertThat(store.ranMigrations()).isTrue();
      assertThat(store.create(Activities.of("acme", "api", "main")).build()).isEqualTo(1);
    }
  }

  @Test
  void reopeningACurrentFileSkipsFlywayButAStaleOneRunsIt() throws Exception {
    Path file = dir.resolve("activities.db");
    SqliteActivityStore.open(file).close();
    // Flyway validates checksums before migrating; a wrong one makes it fail if it runs at all.
    execute(file, "UPDATE flyway_schema_history SET checksum = checksum + 1");

    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      assertThat(store.ranMigrations()).isFalse();
    }

    execute(file, "PRAGMA user_version = 0");
    assertThatThrownBy(() -> SqliteActivityStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aFileWithAnOlderUserVersionButCurrentHistoryIsMigratedAgainHarmlessly() throws Exception {
    Path file = dir.resolve("activities.db");
    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      store.create(Activities.of("acme", "api", "main"));
    }
    execute(file, "PRAGMA user_version = 0");

    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      assertThat(store.ranMigrations()).isTrue();
      assertThat(store.find("acme", "api", "main", 1)).isPresent();
    }
    assertThat(query(file, "PRAGMA user_version")).containsExactly("" + Schema.LATEST);
  }

  @Test
  void aSchemaNewerThanThisEngineIsRefused() throws Exception {
    Path file = dir.resolve("activities.db");
    SqliteActivityStore.open(file).close();
    execute(file, "PRAGMA user_version = " + (Schema.LATEST + 1));

    assertThatThrownBy(() -> SqliteActivityStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aFileThatIsNotSqliteIsAStoreErrorNamingTheFile() throws Exception {
    Path file = dir.resolve("activities.db");
    Files.writeString(file, "pipeline:\n  stages: []\n".repeat(200));

    assertThatThrownBy(() -> SqliteActivityStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aDamagedDatabaseIsAStoreErrorNamingTheFile() throws Exception {
    Path file = dir.resolve("activities.db");
    SqliteActivityStore.open(file).close();
    byte[] bytes = Files.readAllBytes(file);
    // Overwrite the header's magic string, as a stray write would.
    for (int i = 0; i < 16; i++) {
      bytes[i] = 'x';
    }
    Files.write(file, bytes);

    assertThatThrownBy(() -> SqliteActivityStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aStatusThisEngineDoesNotKnowIsAStoreErrorNamingTheFile() throws Exception {
    Path file = dir.resolve("activities.db");
    long id;
    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      id = store.create(Activities.of("acme", "api", "main")).id();
    }
    execute(file, "UPDATE activities SET status = 'Quarantined'");

    try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
      assertThatThrownBy(() -> store.get(id))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining(file.toString());
    }
  }

  @Test
  void aDirectoryIsAStoreErrorNamingIt() {
    assertThatThrownBy(() -> SqliteActivityStore.open(dir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(dir.toString());
  }

  @Test
  void reportsOpenTimesColdAndOnTheFastPath() {
    // Figures for the record, not assertions: the machine is shared and timing is noisy.
    long cold = 0;
    long fast = 0;
    int rounds = 5;
    for (int i = 0; i < rounds; i++) {
      Path file = dir.resolve("timing-" + i + ".db");
      long t0 = System.nanoTime();
      try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
        cold += System.nanoTime() - t0;
        assertThat(store.ranMigrations()).isTrue();
      }
      long t1 = System.nanoTime();
      try (SqliteActivityStore store = SqliteActivityStore.open(file)) {
        fast += System.nanoTime() - t1;
        assertThat(store.ranMigrations()).isFalse();
      }
    }
    System.out.printf(
        "SqliteActivityStore.open in a warm JVM: migrate %.1f ms, fast path %.2f ms%n",
        cold / 1e6 / rounds, fast / 1e6 / rounds);
  }

  private static void execute(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> query(Path file, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** The versions of the scripts in db/migration, ascending (a version may be skipped: V6 came before V5). */
  private static java.util.List<String> bundledVersions() throws java.io.IOException {
    try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
          .sorted().map(Object::toString).toList();
    }
  }
}
