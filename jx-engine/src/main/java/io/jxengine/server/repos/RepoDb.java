package io.jxengine.server.repos;

import io.jxengine.activity.StoreException;
import io.jxengine.store.SqliteActivityStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection to the engine's store file for the repository tables, with a lock and
 * transaction helpers. The schema belongs to the activity store: {@link #open} lets it migrate
 * the file first (a header read when it is already current).
 *
 * <p>Thread-safe: every unit of work holds the lock and runs in its own committed transaction.
 */
public final class RepoDb implements AutoCloseable {
  /** Same margin as the activity store: writers hold the lock for milliseconds. */
  private static final int BUSY_TIMEOUT_MS = 10_000;

  /** Work done on the connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private RepoDb(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens the store file after migrating it to the newest schema.
   *
   * @throws StoreException when the file cannot be opened or migrated
   */
  public static RepoDb open(Path dbFile) {
    SqliteActivityStore.open(dbFile).close();
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    try {
      Connection c = config.createConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
      return new RepoDb(dbFile, c);
    } catch (SQLException e) {
      throw new StoreException("cannot open the store " + dbFile + ": " + e.getMessage(), e);
    }
  }

  /** The store file. */
  public Path file() {
    return file;
  }

  /** Runs work in a write transaction ({@code BEGIN IMMEDIATE}: read-then-write cannot race). */
  public <T> T write(String what, Work<T> work) {
    return inTransaction("BEGIN IMMEDIATE", what, work);
  }

  /** Runs work in a read transaction. */
  public <T> T read(String what, Work<T> work) {
    return inTransaction("BEGIN DEFERRED", what, work);
  }

  /**
   * Runs a single statement's work without BEGIN/COMMIT (SQLite's implicit transaction): the
   * cheapest read, for a query that must see the latest commit of any process.
   */
  public <T> T single(String what, Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("store " + file + ": cannot " + what + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private <T> T inTransaction(String begin, String what, Work<T> work) {
    lock.lock();
    try {
      execute(begin);
      try {
        T result = work.run(connection);
        execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          execute("ROLLBACK");
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("store " + file + ": cannot " + what + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("store " + file + ": cannot close: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
