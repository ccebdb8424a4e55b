package io.jxengine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.queue.DeliveryStore;
import io.jxengine.server.queue.NewDelivery;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.SqliteRepositoryStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

  @Test
  void aGuardedStoreWritesNothingOnceTheRepositoriesMoved() {
    try (StoreDb db = StoreDb.open(tmp.resolve("jxe.db"))) {
      SqliteRepositoryStore repositories = new SqliteRepositoryStore(db);
      Repository repo = repositories.save(new Repository(0, ProviderKind.GITHUB, "acme", "api",
          "https://github.com/acme/api.git", null, null, "s", "main", List.of(), null, null,
          null));
      long version = repositories.current().version();
      NewDelivery d = new NewDelivery(ProviderKind.GITHUB, "g-1", "ping", Map.of(), new byte[0],
          repo.id(), "ping", "{}");

      Optional<DeliveryStore.Stored> first = store.storeIfRepositoriesAt(d, version);
      assertThat(first).get().extracting(DeliveryStore.Stored::duplicate).isEqualTo(false);
      assertThat(store.storeIfRepositoriesAt(d, version)).get()
          .extracting(DeliveryStore.Stored::duplicate).isEqualTo(true);

      repositories.save(new Repository(0, ProviderKind.GITHUB, "acme", "api",
          "https://github.com/acme/api.git", null, null, "s2", "main", List.of(), null, null,
          null));
      NewDelivery later = new NewDelivery(ProviderKind.GITHUB, "g-2", "ping", Map.of(),
          new byte[0], repo.id(), "ping", "{}");
      assertThat(store.storeIfRepositoriesAt(later, version)).isEmpty();
      assertThat(store.deliveriesByState().values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(1);
      assertThat(store.storeIfRepositoriesAt(later, repositories.current().version()))
          .isPresent();
    }
  }
}
