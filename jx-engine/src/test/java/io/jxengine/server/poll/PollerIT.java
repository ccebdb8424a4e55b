package io.jxengine.server.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.GitFixture;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.SqliteRepositoryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a real bare repository, ls-remote with JGit, refs kept in SQLite. */
class PollerIT {
  record Delivered(long repoId, String deliveryId, GitEvent.Push event) {}

  @TempDir Path tmp;
  private GitFixture git;
  private Path bare;
  private Path work;
  private Path dbFile;
  private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
  private final EventSink sink =
      (repo, id, event) -> delivered.add(new Delivered(repo.id(), id, (GitEvent.Push) event));

  @BeforeEach
  void setUp() throws IOException {
    git = new GitFixture(tmp);
    bare = git.bare("polled");
    work = git.clone(bare, "work");
    git.commit(work, Map.of("a.txt", "1"), "one");
    git.ok(work, "push", "-q", "origin", "main");
    dbFile = tmp.resolve("home/jxe.db");
  }

  private static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  private Repository register(SqliteRepositoryStore store) {
    return store.save(
        new Repository(
            0, ProviderKind.GIT, "local", "polled", bare.toString(), null, null, "s", "main",
            List.of(), null, Duration.ofMinutes(1), Instant.EPOCH));
  }

  @Test
  void firstPollRecordsThenANewCommitIsDeliveredExactlyOnceAcrossARestart() throws IOException {
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    String second;
    Repository repo;
    try (StoreDb db = StoreDb.open(dbFile)) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      repo = register(store);
      Poller poller = new Poller(store, new SqliteSeenRefs(db), new JGitRefLister(), sink, at(t0));

      assertThat(poller.pollDue()).isEmpty(); // first poll only records
      assertThat(delivered).isEmpty();

      second = git.commit(work, Map.of("b.txt", "2"), "two");
      git.ok(work, "push", "-q", "origin", "main");
      assertThat(poller.pollDue()).as("the interval has not passed").isEmpty();

      Poller later =
          new Poller(store, new SqliteSeenRefs(db), new JGitRefLister(), sink, at(t0.plusSeconds(60)));
      assertThat(later.pollDue()).hasSize(1);
      assertThat(later.pollOnce(repo)).as("nothing changed since").isEmpty();
    }
    assertThat(delivered).hasSize(1);
    Delivered d = delivered.get(0);
    assertThat(d.deliveryId()).isEqualTo("poll:" + repo.id() + ":refs/heads/main:" + second);
    assertThat(d.event().branch()).isEqualTo("main");
    assertThat(d.event().after()).isEqualTo(second);
    assertThat(d.event().before()).isNotEqualTo(second).hasSize(40);
    assertThat(d.event().created()).isFalse();
    assertThat(d.event().pusher()).isEqualTo(Poller.PUSHER);

    // A restart: a new store and poller on the same file remember what was seen.
    try (StoreDb db = StoreDb.open(dbFile)) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      Poller restarted =
          new Poller(store, new SqliteSeenRefs(db), new JGitRefLister(), sink, at(t0.plusSeconds(600)));
      assertThat(restarted.pollDue()).isEmpty();

      String third = git.commit(work, Map.of("c.txt", "3"), "three");
      git.ok(work, "push", "-q", "origin", "main");
      assertThat(restarted.pollOnce(repo))
          .extracting(GitEvent.Push::after)
          .containsExactly(third);
    }
    assertThat(delivered).hasSize(2);
  }

  @Test
  void newTagsNewBranchesAndDeletionsAreEvents() throws IOException {
    try (StoreDb db = StoreDb.open(dbFile)) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      Repository repo = register(store);
      Poller poller =
          new Poller(store, new SqliteSeenRefs(db), new JGitRefLister(), sink, Clock.systemUTC());
      poller.pollOnce(repo);
      String head = git.ok(work, "rev-parse", "HEAD").out().trim();
      git.ok(work, "tag", "-a", "-m", "release", "v1.0.0");
      git.ok(work, "push", "-q", "origin", "v1.0.0", "main:feature");

      List<GitEvent.Push> events = poller.pollOnce(repo);

      assertThat(events)
          .extracting(GitEvent.Push::ref, GitEvent.Push::branch, GitEvent.Push::tag, GitEvent.Push::after,
              GitEvent.Push::created)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("refs/heads/feature", "feature", null, head, true),
              org.assertj.core.groups.Tuple.tuple("refs/tags/v1.0.0", null, "v1.0.0", head, true));

      git.ok(work, "push", "-q", "origin", ":feature");
      List<GitEvent.Push> deleted = poller.pollOnce(repo);
      assertThat(deleted).singleElement().satisfies(e -> {
        assertThat(e.deleted()).isTrue();
        assertThat(e.after()).isEqualTo("0".repeat(40));
      });
      assertThat(delivered.get(delivered.size() - 1).deliveryId())
          .isEqualTo("poll:" + repo.id() + ":refs/heads/feature:" + "0".repeat(40));
    }
  }

  @Test
  void anUnreachableRemoteIsSkippedAndRecordsNothing() throws IOException {
    try (StoreDb db = StoreDb.open(dbFile)) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      Repository gone =
          store.save(
              new Repository(
                  0, ProviderKind.GIT, "local", "gone", tmp.resolve("nowhere.git").toString(), null,
                  null, "s", "main", List.of(), null, Duration.ofMinutes(1), Instant.EPOCH));
      Repository ok = register(store);
      SqliteSeenRefs seen = new SqliteSeenRefs(db);
      Poller poller = new Poller(store, seen, new JGitRefLister(), sink, Clock.systemUTC());

      assertThat(poller.pollDue()).isEmpty();

      assertThat(seen.load(gone.id())).isEmpty();
      assertThat(seen.load(ok.id())).isPresent();
    }
  }

  @Test
  void startedPollerDeliversFromItsOwnThreadUntilClosed() throws IOException {
    try (StoreDb db = StoreDb.open(dbFile)) {
      SqliteRepositoryStore store = new SqliteRepositoryStore(db);
      Repository repo =
          store.save(
              new Repository(
                  0, ProviderKind.GIT, "local", "polled", bare.toString(), null, null, "s", "main",
                  List.of(), null, Duration.ofSeconds(10), Instant.EPOCH));
      SqliteSeenRefs seen = new SqliteSeenRefs(db);
      // A clock far enough ahead on each read that every tick finds the interval passed.
      Clock moving =
          new Clock() {
            private final java.util.concurrent.atomic.AtomicLong minutes = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public java.time.ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * minutes.incrementAndGet());
            }
          };
      String next;
      try (Poller poller = new Poller(store, seen, new JGitRefLister(), sink, moving)) {
        poller.start(Duration.ofMillis(20));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> seen.load(repo.id()).isPresent());
        next = git.commit(work, Map.of("d.txt", "4"), "four");
        git.ok(work, "push", "-q", "origin", "main");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !delivered.isEmpty());
      }
      assertThat(delivered).singleElement().extracting(d -> d.event().after()).isEqualTo(next);
    }
  }
}
