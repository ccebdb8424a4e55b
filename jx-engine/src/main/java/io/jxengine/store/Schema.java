package io.jxengine.store;

import io.jxengine.activity.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Brings a store file to the newest schema.
 *
 * <p>The CLI opens the store on every command and Flyway takes a few hundred milliseconds to
 * start, so the common case skips it: after Flyway has migrated a file, the store writes the
 * version Flyway reached into SQLite's {@code PRAGMA user_version} (a header field, read without
 * touching a table). When it equals {@link #LATEST}, nothing is to be done. Otherwise Flyway runs
 * the bundled {@code db/migration} scripts, one process at a time.
 */
final class Schema {
  /** The version of the newest script in {@code db/migration}; SchemaTest keeps the two equal. */
  static final int LATEST = 9;

  /**
   * Two stores in one JVM must not take the file lock twice (the JVM throws); two processes are
   * kept apart by the file lock itself.
   */
  private static final Object MIGRATION_IN_THIS_JVM = new Object();

  private Schema() {}

  /** Returns true when Flyway ran (the slow path), false when the file was already current. */
  static boolean ensureLatest(StoreDb db) {
    int version = checked(db);
    if (version == LATEST) {
      return false;
    }
    synchronized (MIGRATION_IN_THIS_JVM) {
      try (FileChannel channel = FileChannel.open(lockFile(db.file()), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        // Another process may have migrated while this one waited for the lock.
        if (checked(db) == LATEST) {
          return false;
        }
        int reached = FlywayMigrator.migrate(StoreFile.dataSource(db.file()), db.file());
        if (reached != LATEST) {
          throw new StoreException(
              "activity store " + db.file() + ": migrations reached schema version " + reached
                  + " but this jx-engine expects " + LATEST,
              null);
        }
        db.setUserVersion(reached);
        return true;
      } catch (IOException e) {
        throw db.failure("lock " + lockFile(db.file()) + " to migrate the schema", e);
      }
    }
  }

  /**
   * The migration lock is a file of its own: SQLite keeps POSIX locks on the database file, and
   * closing any other handle to it in this process would silently drop them.
   */
  static Path lockFile(Path dbFile) {
    Path absolute = dbFile.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".migrate-lock");
  }

  private static int checked(StoreDb db) {
    int version = db.userVersion();
    if (version > LATEST) {
      throw new StoreException(
          "activity store " + db.file() + " has schema version " + version
              + ", newer than this jx-engine understands (" + LATEST + "); upgrade jx-engine",
          null);
    }
    return version;
  }
}
