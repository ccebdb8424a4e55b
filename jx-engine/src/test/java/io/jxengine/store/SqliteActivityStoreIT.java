package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.ActivityStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store against the {@link ActivityStoreContract}, plus what is its own. */
class SqliteActivityStoreIT extends ActivityStoreContract {
  @TempDir Path dir;

  @Override
  protected ActivityStore open() {
    return SqliteActivityStore.open(dir.resolve("jx/activities.db"));
  }

  @Test
  void reopeningACurrentFileRunsNoMigration() {
    store.close();
    try (SqliteActivityStore again = SqliteActivityStore.open(dir.resolve("jx/activities.db"))) {
      assertThat(again.ranMigrations()).isFalse();
    }
    store = open();
  }
}
