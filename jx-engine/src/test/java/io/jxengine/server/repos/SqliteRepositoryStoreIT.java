package io.jxengine.server.repos;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.ProviderKind;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.StoreDb;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRepositoryStoreIT {
  @TempDir Path tmp;

  private static Repository repo(String owner, String name, String secret) {
    return new Repository(
        0, ProviderKind.GITHUB, owner, name, "https://github.com/" + owner + "/" + name + ".git",
        "https://api.github.com", "github/token", secret, "main", List.of("alice", "bob"), null,
        Duration.ofSeconds(90), Instant.EPOCH);
  }

  @Test
  void savesFindsUpdatesAndRemovesAcrossReopen() {
    Path file = tmp.resolve("jxe.db");
    long id;
    try (StoreDb db = StoreDb.open(file)) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      Repository saved = store.save(repo("acme", "app", "s1"));
      id = saved.id();
      assertThat(saved.id()).isPositive();
      assertThat(saved.created()).isAfter(Instant.EPOCH);
      assertThat(saved.trustedUsers()).containsExactly("alice", "bob");
      assertThat(saved.pollInterval()).isEqualTo(Duration.ofSeconds(90));

      // Same provider/owner/name: an update keeping id and (null) secret.
      Repository updated =
          store.save(
              new Repository(
                  0, ProviderKind.GITHUB, "acme", "app", "git@github.com:acme/app.git", null, null,
                  null, "trunk", List.of(), "/srv/app.git", null, Instant.EPOCH));
      assertThat(updated.id()).isEqualTo(id);
      assertThat(updated.webhookSecret()).isEqualTo("s1");
      assertThat(updated.defaultBranch()).isEqualTo("trunk");
      assertThat(updated.pollInterval()).isNull();
      assertThat(updated.localPath()).isEqualTo("/srv/app.git");
      assertThat(updated.created()).isEqualTo(saved.created());

      // Same owner/name on another provider is another repository.
      Repository gitlab =
          store.save(
              new Repository(
                  0, ProviderKind.GITLAB, "acme", "app", "https://gitlab.com/acme/app.git", null,
                  null, "s2", "main", List.of(), null, null, Instant.EPOCH));
      assertThat(gitlab.id()).isNotEqualTo(id);
      assertThat(store.list()).extracting(Repository::id).containsExactly(id, gitlab.id());
      assertThat(store.remove(gitlab.id())).isTrue();
      assertThat(store.remove(gitlab.id())).isFalse();
    }
    try (StoreDb db = StoreDb.open(file)) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      assertThat(store.get(id)).get().extracting(Repository::cloneUrl).isEqualTo("git@github.com:acme/app.git");
      assertThat(store.find(ProviderKind.GITHUB, "acme", "app")).isPresent();
      assertThat(store.find(ProviderKind.GITEA, "acme", "app")).isEmpty();
      assertThat(store.get(id + 100)).isEmpty();
    }
  }

  @Test
  void sharesTheFileWithAnOpenActivityStore() {
    Path file = tmp.resolve("jxe.db");
    try (SqliteActivityStore activities = SqliteActivityStore.open(file);
        StoreDb db = StoreDb.open(file)) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      store.save(repo("acme", "shared", "s"));
      assertThat(activities.list(new io.jxengine.activity.ActivityFilter(null, null, null, null, null, 5)))
          .isEmpty();
      assertThat(store.list()).hasSize(1);
    }
  }

  @Test
  void concurrentSavesOfOneRepositoryKeepOneRow() throws Exception {
    try (StoreDb db = StoreDb.open(tmp.resolve("jxe.db"))) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Repository>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String name = "r" + (i % 3);
        futures.add(pool.submit(() -> store.save(repo("acme", name, "s"))));
      }
      for (Future<Repository> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertThat(store.list()).extracting(Repository::name).containsExactlyInAnyOrder("r0", "r1", "r2");
    }
  }
}
