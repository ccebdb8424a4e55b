package io.jxengine.store;

import io.jxengine.activity.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection to the store file (opened by {@link StoreFile}) and the transaction
 * helpers the store works through: plain, grouped (group commit) and batched writes, and reads.
 *
 * <p>Public for the engine's other SQLite tables (repositories, polled refs), which share the
 * store file and its schema: {@link #open}, {@link #write}, {@link #read}, {@link #single}.
 *
 * <p>Thread-safe: one lock serialises every use of the connection (each transaction helper takes
 * it, and {@link #exclusively} holds it across several). Every SQL failure becomes a {@link
 * StoreException} whose message names the file, because the CLI prints that message as it is.
 */
public final class StoreDb implements AutoCloseable {
  /** Work done on the connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Queue<GroupedWrite<?>> waiting = new ConcurrentLinkedQueue<>();
  /** True while {@link #batch} runs; read and written holding {@link #lock} only. */
  private boolean inBatch;

  StoreDb(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens the store file (creating it) at the newest schema.
   *
   * @throws StoreException when the file cannot be opened or migrated
   */
  public static StoreDb open(Path file) {
    return StoreFile.openAtLatest(file).db();
  }

  /** Runs {@code work} holding the connection's lock, for steps that must not interleave. */
  <T> T exclusively(java.util.function.Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Runs work in a write transaction. {@code BEGIN IMMEDIATE} takes the write lock before the
   * first read, so a read-then-write (the next build number) cannot race another process, and in
   * WAL mode a deferred transaction could fail with SQLITE_BUSY_SNAPSHOT without waiting.
   */
  public <T> T write(String what, Work<T> work) {
    return inTransaction("BEGIN IMMEDIATE", what, work);
  }

  /**
   * Runs work in a write transaction that it may share with writes other threads submit at the
   * same moment (group commit): the first write in line becomes the leader, takes the connection,
   * runs every waiting write, each in a savepoint of its own, commits them together and wakes
   * each of their threads. Under many concurrent writers (webhook deliveries) this pays one
   * transaction for a group instead of one per write, and only the leader ever waits for the
   * connection's lock: the others park until their own write is done, so a finished group does
   * not have to hand the lock from thread to thread just for each to learn that its write is
   * done. Each write still succeeds or fails alone: a failing one is rolled back to its savepoint
   * and its caller gets the exception; the others commit. Returns only after the commit that made
   * the write durable. An interrupt does not abandon the write (it may already be in a group); it
   * is kept for the caller.
   */
  <T> T writeGrouped(String what, Work<T> work) {
    if (joinsBatch()) {
      return inSavepoint(what, work);
    }
    GroupedWrite<T> mine = new GroupedWrite<>(what, work, Thread.currentThread());
    waiting.add(mine);
    boolean interrupted = false;
    while (!mine.done) {
      // First in line: lead the next group. Everyone behind is either drained by the group that
      // takes the write ahead of it (drains run until the queue is empty) or is first in line
      // itself later, so no write is left parked with nobody to run it.
      if (waiting.peek() == mine) {
        lock.lock();
        try {
          if (!mine.done) {
            List<GroupedWrite<?>> group = new ArrayList<>();
            for (GroupedWrite<?> w; (w = waiting.poll()) != null; ) {
              group.add(w);
            }
            runGroup(group);
          }
        } finally {
          lock.unlock();
        }
      } else {
        LockSupport.park(this);
        interrupted |= Thread.interrupted(); // else park would return at once, forever
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return mine.result();
  }

  private void runGroup(List<GroupedWrite<?>> group) {
    try {
      execute("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      group.forEach(w -> w.finish(failure(w.what, e)));
      return;
    }
    try {
      for (GroupedWrite<?> w : group) {
        w.runIn(this);
      }
      execute("COMMIT");
      group.forEach(w -> w.finish(null));
    } catch (SQLException e) {
      rollbackQuietly(e);
      group.forEach(w -> w.finish(failure(w.what, e)));
    } catch (RuntimeException | Error e) {
      // runIn keeps a write's own failures; this is anything else (an OutOfMemoryError, say),
      // which must not leave the callers of the group parked for ever.
      rollbackQuietly(e);
      group.forEach(w -> w.finish(new IllegalStateException("a grouped write failed: " + e, e)));
      throw e;
    }
  }

  /**
   * One caller's write in a group. The leader writes {@code value} and {@code error} holding the
   * lock, then {@code done} (volatile), which publishes them to the caller's thread.
   */
  private static final class GroupedWrite<T> {
    final String what;
    final Work<T> work;
    final Thread caller;
    T value;
    RuntimeException error;
    volatile boolean done;

    GroupedWrite(String what, Work<T> work, Thread caller) {
      this.what = what;
      this.work = work;
      this.caller = caller;
    }

    void runIn(StoreDb db) {
      try {
        db.execute("SAVEPOINT grouped");
        try {
          value = work.run(db.connection);
          db.execute("RELEASE grouped");
        } catch (SQLException | RuntimeException e) {
          db.execute("ROLLBACK TO grouped");
          db.execute("RELEASE grouped");
          throw e;
        }
      } catch (SQLException e) {
        error = db.failure(what, e);
      } catch (RuntimeException e) {
        error = e;
      }
    }

    /** After the commit: its own failure, the commit's, or success. */
    void finish(RuntimeException commitFailure) {
      if (done) {
        return;
      }
      if (error == null) {
        error = commitFailure;
      }
      done = true;
      LockSupport.unpark(caller);
    }

    T result() {
      if (error != null) {
        throw error;
      }
      return value;
    }
  }

  /** Runs work in a read transaction, so several queries see one snapshot. */
  public <T> T read(String what, Work<T> work) {
    return inTransaction("BEGIN DEFERRED", what, work);
  }

  /** Runs a single statement's work in its own implicit transaction: the cheapest read. */
  public <T> T single(String what, Work<T> work) {
    lock.lock();
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code writes} in one write transaction: every transaction helper this thread calls
   * inside joins it in a savepoint of its own (a failing write is rolled back alone and throws to
   * its caller, the others stay), and all are committed together at the end. Other threads wait
   * for the lock meanwhile. One commit for many small writes is what makes a run's step records
   * cheap.
   */
  void batch(Runnable writes) {
    if (joinsBatch()) {
      writes.run();
      return;
    }
    lock.lock();
    try {
      try {
        execute("BEGIN IMMEDIATE");
      } catch (SQLException e) {
        throw failure("write a batch of records", e);
      }
      inBatch = true;
      try {
        writes.run();
        execute("COMMIT");
      } catch (SQLException e) {
        rollbackQuietly(e);
        throw failure("write a batch of records", e);
      } catch (RuntimeException e) {
        rollbackQuietly(e);
        throw e;
      } finally {
        inBatch = false;
      }
    } finally {
      lock.unlock();
    }
  }

  /** True on the thread running a {@link #batch}: its writes join the batch's transaction. */
  private boolean joinsBatch() {
    return lock.isHeldByCurrentThread() && inBatch;
  }

  private <T> T inSavepoint(String what, Work<T> work) {
    try {
      execute("SAVEPOINT batched");
      try {
        T result = work.run(connection);
        execute("RELEASE batched");
        return result;
      } catch (SQLException | RuntimeException e) {
        execute("ROLLBACK TO batched");
        execute("RELEASE batched");
        throw e;
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private <T> T inTransaction(String begin, String what, Work<T> work) {
    if (joinsBatch()) {
      return inSavepoint(what, work);
    }
    lock.lock();
    try {
      execute(begin);
      try {
        T result = work.run(connection);
        execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(e);
        throw e;
      }
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  int userVersion() {
    try (Statement s = connection.createStatement();
        var rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException e) {
      throw failure("read the schema version", e);
    }
  }

  void setUserVersion(int version) {
    try {
      execute("PRAGMA user_version = " + version);
    } catch (SQLException e) {
      throw failure("record the schema version", e);
    }
  }

  StoreException failure(String what, Exception e) {
    return new StoreException(
        "activity store " + file + ": cannot " + what + ": " + e.getMessage(), e);
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      execute("ROLLBACK");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close the database", e);
    } finally {
      lock.unlock();
    }
  }
}
