package io.jxengine.server.cron;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.GitFixture;
import io.jxengine.server.poll.EventSink;
import io.jxengine.store.StoreDb;
import io.jxengine.server.trigger.RepoMirror;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.SqliteRepositoryStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron firings from pipelines in a real repository, driven by a clock the test moves. */
class CronSchedulerIT {
  /** A clock the test sets. */
  static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(String t) {
      set(t);
    }

    void set(String t) {
      now = Instant.parse(t);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  record Delivered(String id, GitEvent.Push push) {}

  private static final String BUILD =
      """
      name: build
      triggers:
        cron:
          - schedule: "*/15 * * * *"
      stages:
        - name: test
          steps:
            - name: hi
              run: echo hi
      """;
  private static final String NIGHTLY =
      """
      triggers:
        cron:
          - schedule: "0 3 * * *"
            branch: release
          - schedule: "not a schedule"
      stages:
        - name: test
          steps:
            - name: hi
              run: echo hi
      """;

  @TempDir Path tmp;
  private GitFixture git;
  private Path work;
  private String mainHead;
  private String releaseHead;
  private StoreDb db;
  private SqliteRepositoryStore store;
  private Repository repo;
  private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
  private final EventSink sink =
      (r, id, event) -> delivered.add(new Delivered(id, (GitEvent.Push) event));

  @BeforeEach
  void setUp() throws IOException {
    git = new GitFixture(tmp);
    Path bare = git.bare("scheduled");
    work = git.clone(bare, "work");
    git.commit(work, Map.of(".jx/pipeline.yaml", BUILD, ".jx/pipelines/nightly.yaml", NIGHTLY), "pipelines");
    git.ok(work, "checkout", "-q", "-b", "release");
    releaseHead = git.commit(work, Map.of("RELEASE", "1"), "release");
    git.ok(work, "checkout", "-q", "main");
    mainHead = git.commit(work, Map.of("README", "x"), "more");
    git.ok(work, "push", "-q", "origin", "main", "release");
    db = StoreDb.open(tmp.resolve("home/jxe.db"));
    store = new SqliteRepositoryStore(db);
    repo =
        store.save(
            new Repository(
                0, ProviderKind.GIT, "local", "scheduled", bare.toString(), null, null, "s",
                "main", List.of(), bare.toString(), null, Instant.EPOCH));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private CronScheduler scheduler(Clock clock) {
    return new CronScheduler(
        store,
        r -> RepoMirror.of(tmp.resolve("home/mirrors"), r),
        sink,
        clock,
        Duration.ZERO);
  }

  @Test
  void firesAtTheScheduledMinutesOnce() {
    TestClock clock = new TestClock("2026-11-30T10:07:30Z");
    CronScheduler cron = scheduler(clock);

    assertThat(cron.tick()).isEmpty();
    clock.set("2026-11-30T10:14:59Z");
    assertThat(cron.tick()).isEmpty();
    clock.set("2026-11-30T10:15:00Z");
    assertThat(cron.tick()).containsExactly("cron:" + repo.id() + ":build:202611301015");
    clock.set("2026-11-30T10:15:40Z");
    assertThat(cron.tick()).as("same minute again").isEmpty();
    clock.set("2026-11-30T10:31:05Z");
    assertThat(cron.tick()).containsExactly("cron:" + repo.id() + ":build:202611301030");
    // A late tick fires each schedule once, for its latest minute.
    clock.set("2026-11-30T11:02:00Z");
    assertThat(cron.tick()).containsExactly("cron:" + repo.id() + ":build:202611301100");

    assertThat(delivered).hasSize(3);
    GitEvent.Push push = delivered.get(0).push();
    assertThat(push.ref()).isEqualTo("refs/heads/main");
    assertThat(push.branch()).isEqualTo("main");
    assertThat(push.before()).isEqualTo(mainHead);
    assertThat(push.after()).isEqualTo(mainHead);
    assertThat(push.pusher()).isEqualTo(CronScheduler.PUSHER);
    assertThat(push.repo()).isEqualTo(repo.ref());
  }

  @Test
  void aPipelineFileBuildsItsOwnBranchAndBadSchedulesAreIgnored() {
    TestClock clock = new TestClock("2026-12-01T02:59:00Z");
    CronScheduler cron = scheduler(clock);
    clock.set("2026-12-01T03:00:10Z");

    assertThat(cron.tick())
        .containsExactlyInAnyOrder(
            "cron:" + repo.id() + ":build:202612010300",
            "cron:" + repo.id() + ":nightly:202612010300");
    Delivered nightly =
        delivered.stream().filter(d -> d.id().contains(":nightly:")).findFirst().orElseThrow();
    assertThat(nightly.push().branch()).isEqualTo("release");
    assertThat(nightly.push().after()).isEqualTo(releaseHead);
  }

  @Test
  void followsPipelineChangesOnTheDefaultBranch() throws IOException {
    TestClock clock = new TestClock("2026-11-30T10:00:30Z");
    CronScheduler cron = scheduler(clock);
    git.commit(work, Map.of(".jx/pipeline.yaml", BUILD.replace("*/15 * * * *", "20 * * * *")), "hourly at :20");
    git.ok(work, "push", "-q", "origin", "main");

    clock.set("2026-11-30T10:15:30Z");
    assertThat(cron.tick()).isEmpty();
    clock.set("2026-11-30T10:20:00Z");
    assertThat(cron.tick()).containsExactly("cron:" + repo.id() + ":build:202611301020");
  }

  @Test
  void aMissingCronBranchSkipsOnlyThatSchedule() throws IOException {
    git.ok(work, "push", "-q", "origin", ":release");
    TestClock clock = new TestClock("2026-12-01T02:59:00Z");
    CronScheduler cron = scheduler(clock);
    clock.set("2026-12-01T03:00:00Z");

    assertThat(cron.tick()).containsExactly("cron:" + repo.id() + ":build:202612010300");
  }
}
