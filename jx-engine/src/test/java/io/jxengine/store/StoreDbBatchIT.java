package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.activity.StoreException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch: the writes made inside share one transaction, yet each fails on its own. */
class StoreDbBatchIT {
  @TempDir Path dir;

  StoreDb open() {
    StoreDb db = StoreFile.open(dir.resolve("t.db"));
    db.write("create", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS t (v TEXT NOT NULL UNIQUE)");
      }
      return null;
    });
    return db;
  }

  static void insert(StoreDb db, String value) {
    db.write("insert " + value, c -> {
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO t VALUES ('" + value + "')");
      }
      return null;
    });
  }

  static List<String> values(StoreDb db) {
    return db.read("list", c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM t ORDER BY v")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  @Test
  void writesInABatchCommitTogetherAndAFailingOneFailsAlone() {
    List<String> failed = new ArrayList<>();
    try (StoreDb db = open()) {
      db.batch(() -> {
        insert(db, "a");
        try {
          insert(db, "a"); // violates UNIQUE: rolled back to its savepoint only
        } catch (StoreException e) {
          failed.add("a");
        }
        db.writeGrouped("grouped", c -> {
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES ('b')");
          }
          return null;
        });
        assertThat(values(db)).containsExactly("a", "b"); // reads inside see the batch
      });
      assertThat(failed).containsExactly("a");
      assertThat(values(db)).containsExactly("a", "b");
    }
    try (StoreDb again = open()) {
      assertThat(values(again)).containsExactly("a", "b"); // committed to the file
    }
  }

  @Test
  void anExceptionLeavingTheBatchRollsItAllBackAndTheStoreStaysUsable() {
    try (StoreDb db = open()) {
      assertThatThrownBy(() -> db.batch(() -> {
        insert(db, "lost");
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);

      assertThat(values(db)).isEmpty();
      insert(db, "after");
      db.batch(() -> db.batch(() -> insert(db, "nested")));
      assertThat(values(db)).containsExactly("after", "nested");
    }
  }
}
