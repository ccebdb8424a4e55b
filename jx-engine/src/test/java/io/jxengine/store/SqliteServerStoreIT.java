package io.jxengine.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite server store against the {@link ServerStoreContract}. */
class SqliteServerStoreIT extends ServerStoreContract {
  @TempDir Path tmp;
  SqliteServerStore store;

  @BeforeEach
  void open() {
    store = SqliteServerStore.open(tmp.resolve("jxe.db"));
    deliveries = store;
    queue = store;
    activities = SqliteActivityStore.open(tmp.resolve("jxe.db"));
  }

  @AfterEach
  void close() {
    store.close();
    activities.close();
  }

  @Override
  protected Other openOther() {
    SqliteServerStore other = SqliteServerStore.open(tmp.resolve("jxe.db"));
    return new Other() {
      @Override
      public io.jxengine.server.runs.RunQueue queue() {
        return other;
      }

      @Override
      public void close() {
        other.close();
      }
    };
  }
}
