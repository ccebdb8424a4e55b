package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit: concurrent writes share transactions, yet each succeeds or fails on its own. */
class StoreDbGroupedWriteIT {
  @TempDir Path dir;

  @Test
  void concurrentWritesAllCommitAndAFailingOneFailsAlone() throws Exception {
    try (StoreDb db = StoreFile.open(dir.resolve("t.db"))) {
      db.write("create", c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
        }
        return null;
      });
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        List<Callable<String>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          // Every 50th write inserts a value another write also inserts: one of the pair fails.
          String value = i % 50 == 0 ? "dup" : "v" + i;
          writes.add(() -> {
            try {
              db.writeGrouped("insert " + value, c -> {
                try (Statement s = c.createStatement()) {
                  s.execute("INSERT INTO t (v) VALUES ('" + value + "')");
                }
                return null;
              });
              return "ok";
            } catch (io.jxengine.activity.StoreException e) {
              return "failed";
            }
          });
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(writes)) {
          outcomes.add(f.get());
        }

        // Four writes of "dup": one commits, three fail; the 196 others all commit.
        assertThat(outcomes).filteredOn("failed"::equals).hasSize(3);
        long rows = db.read("count", c -> {
          try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
          }
        });
        assertThat(rows).isEqualTo(197);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aWriteSeesTheEarlierWritesOfItsGroup() throws Exception {
    try (StoreDb db = StoreFile.open(dir.resolve("t.db"))) {
      db.write("create", c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE t (v TEXT)");
        }
        return null;
      });
      for (int i = 0; i < 3; i++) {
        int n = i;
        long seen = db.writeGrouped("insert", c -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES ('x" + n + "')");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
        assertThat(seen).isEqualTo(n + 1);
      }
    }
  }

  @Test
  void anInterruptedWriterStillGetsItsWriteDoneAndKeepsTheInterrupt() throws Exception {
    try (StoreDb db = StoreFile.open(dir.resolve("t.db"))) {
      db.write("create", c -> {
        try (Statement s = c.createStatement()) {
          s.execute("CREATE TABLE t (v TEXT)");
        }
        return null;
      });
      Thread.currentThread().interrupt();
      try {
        String v = db.writeGrouped("insert", c -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t (v) VALUES ('x')");
          }
          return "done";
        });
        assertThat(v).isEqualTo("done");
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
      } finally {
        Thread.interrupted();
      }
      long rows = db.read("count", c -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
          rs.next();
          return rs.getLong(1);
        }
      });
      assertThat(rows).isEqualTo(1);
    }
  }
}
