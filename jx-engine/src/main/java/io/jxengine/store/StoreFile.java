package io.jxengine.store;

import io.jxengine.activity.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opening the store file: the connection settings every user of the file needs, the retry when
 * another process is creating the same file, and errors that say what is wrong with the file.
 * Stateless.
 */
final class StoreFile {
  /**
   * How long a statement waits for another process's write lock. Writers hold it for
   * milliseconds; the margin covers a slow disk and a migration in another process.
   */
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** A store file opened and brought to the newest schema. */
  record Opened(StoreDb db, boolean migrated) {}

  private StoreFile() {}

  /** Opens the file, creating it and its directory if needed. */
  static StoreDb open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new StoreException(
          "cannot create the directory of the activity store " + file + ": " + e.getMessage(), e);
    }
    if (Files.isDirectory(file)) {
      throw new StoreException(
          "cannot open the activity store " + file + ": it is a directory, not a file", null);
    }
    long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
    for (int attempt = 1; ; attempt++) {
      Connection connection = null;
      try {
        connection = dataSource(file).getConnection();
        // Reading the header is what fails for a file that is not SQLite; do it here so open()
        // reports it rather than the first query.
        try (Statement s = connection.createStatement()) {
          s.executeQuery("PRAGMA user_version").close();
        }
        return new StoreDb(file, connection);
      } catch (SQLException e) {
        closeQuietly(connection, e);
        if (!isBusy(e) || System.nanoTime() > deadline) {
          throw cannotOpen(file, e);
        }
        // Switching a new file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at
        // once, without its busy handler, when another connection is doing the same: try again.
        sleepBeforeRetry(attempt, file, e);
      }
    }
  }

  private static boolean isBusy(SQLException e) {
    return e instanceof SQLiteException sqlite
        && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
            || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED
            || (sqlite.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code);
  }

  private static void sleepBeforeRetry(int attempt, Path file, SQLException cause) {
    try {
      Thread.sleep(Math.min(100, 5L * attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw cannotOpen(file, cause);
    }
  }

  /**
   * Opens the file and migrates it to the newest schema (see {@link Schema#ensureLatest}),
   * closing it again when that fails. {@code migrated} says whether Flyway ran.
   */
  static Opened openAtLatest(Path file) {
    StoreDb db = open(file);
    try {
      return new Opened(db, Schema.ensureLatest(db));
    } catch (RuntimeException e) {
      try {
        db.close();
      } catch (StoreException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * A data source with the store's settings. WAL lets a {@code jxe get activities -w} read while
   * a {@code jxe run} writes; NORMAL synchronous is durable in WAL mode except for the last
   * transactions on power loss, which is the trade SQLite recommends for WAL.
   */
  static DataSource dataSource(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  private static StoreException cannotOpen(Path file, SQLException e) {
    boolean damaged =
        e instanceof SQLiteException sqlite
            && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB
                || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT);
    String why =
        damaged
            ? "it is not a SQLite database or it is damaged; move it aside to start a new one"
            : e.getMessage();
    return new StoreException("cannot open the activity store " + file + ": " + why, e);
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
