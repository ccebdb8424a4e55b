package io.jxengine.server.cron;

import io.jxengine.scm.GitEvent;
import io.jxengine.server.poll.EventSink;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.trigger.RepoMirror;
import io.jxengine.server.repos.RepositoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the {@code triggers.cron} entries of registered repositories. For each repository it
 * reads the pipelines at the head of the default branch (through a {@link RepoMirror}, fetched
 * at most every {@code refresh}) and, for each schedule due since the last tick, delivers a
 * {@link GitEvent.Push} of the cron branch's head (before = after, pusher {@link #PUSHER}) with
 * delivery id {@link CronDeliveryId} {@code cron:<repoId>:<pipeline>:<yyyyMMddHHmm>}.
 *
 * <p>Times: schedules are read in the zone of the injected {@link Clock} (UTC in the server).
 * Firings missed while the engine was not running are not caught up: the first tick only looks
 * back to when the scheduler was created. When a tick comes late, each schedule fires once, for
 * its latest due minute. A repository whose fetch or delivery fails keeps its window open and is
 * retried at the next tick; the delivery id makes a retry harmless.
 *
 * <p>Threading: {@link #tick} from one thread at a time; {@link #start} runs it on a daemon
 * thread of its own.
 */
public final class CronScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CronScheduler.class);
  /** Marks events the scheduler made up, in the place of the provider's pusher. */
  public static final String PUSHER = "jxe-cron";
  /** Late ticks fire each schedule once; this bounds the search for its latest minute. */
  private static final int MAX_STEPS = 100_000;

  private final RepositoryStore repositories;
  private final Function<Repository, RepoMirror> mirrors;
  private final EventSink sink;
  private final Clock clock;
  private final Duration refresh;
  private final Instant startedAt;
  private final Map<Long, Instant> checkedUntil = new ConcurrentHashMap<>();
  private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
  private ScheduledExecutorService timer;

  private record Cached(Instant fetchedAt, String sha, List<CronEntries.Entry> entries) {}

  /**
   * @param mirrors the mirror of a repository (the same object for the same repository, so it
   *     stays open between ticks)
   * @param refresh how long the pipelines read from a mirror are used before fetching again
   */
  public CronScheduler(
      RepositoryStore repositories,
      Function<Repository, RepoMirror> mirrors,
      EventSink sink,
      Clock clock,
      Duration refresh) {
    this.repositories = repositories;
    this.mirrors = mirrors;
    this.sink = sink;
    this.clock = clock;
    this.refresh = refresh;
    this.startedAt = clock.instant();
  }

  /** Runs {@link #tick} every {@code every} until {@link #close}. */
  public synchronized void start(Duration every) {
    if (timer != null) {
      throw new IllegalStateException("the cron scheduler is already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jxe-cron");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            tick();
          } catch (RuntimeException e) {
            LOG.warn("cron tick failed: {}", e.toString());
          }
        },
        every.toMillis(),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Delivers every schedule due since the previous tick; returns the delivery ids sent. */
  public List<String> tick() {
    Instant now = clock.instant();
    List<String> sent = new ArrayList<>();
    for (Repository repo : repositories.list()) {
      Instant from = checkedUntil.getOrDefault(repo.id(), startedAt);
      if (!now.isAfter(from)) {
        continue;
      }
      try {
        sent.addAll(fire(repo, from, now));
        checkedUntil.put(repo.id(), now);
      } catch (RuntimeException e) {
        LOG.warn("cron: cannot check {}: {}", repo.fullName(), e.getMessage());
      }
    }
    return sent;
  }

  private List<String> fire(Repository repo, Instant from, Instant now) {
    RepoMirror mirror = mirrors.apply(repo);
    List<CronEntries.Entry> entries = entries(repo, mirror, now);
    List<String> sent = new ArrayList<>();
    for (CronEntries.Entry entry : entries) {
      Optional<ZonedDateTime> due = latestFiring(entry.schedule(), from, now);
      if (due.isEmpty()) {
        continue;
      }
      String branch = entry.branch() != null ? entry.branch() : repo.defaultBranch();
      Optional<String> head = mirror.resolve("refs/heads/" + branch);
      if (head.isEmpty()) {
        LOG.warn("cron: {} pipeline {}: no branch {}", repo.fullName(), entry.pipeline(), branch);
        continue;
      }
      String id = CronDeliveryId.of(repo.id(), entry.pipeline(), due.get()).toString();
      sink.deliver(repo, id, push(repo, branch, head.get()));
      sent.add(id);
    }
    return sent;
  }

  private List<CronEntries.Entry> entries(Repository repo, RepoMirror mirror, Instant now) {
    Cached cached = cache.get(repo.id());
    if (cached != null && now.isBefore(cached.fetchedAt().plus(refresh))) {
      return cached.entries();
    }
    mirror.fetch();
    Optional<String> head = mirror.resolve("refs/heads/" + repo.defaultBranch());
    if (head.isEmpty()) {
      cache.put(repo.id(), new Cached(now, null, List.of()));
      return List.of();
    }
    if (cached != null && head.get().equals(cached.sha())) {
      cache.put(repo.id(), new Cached(now, cached.sha(), cached.entries()));
      return cached.entries();
    }
    List<CronEntries.Entry> entries = CronEntries.read(mirror.pipelineFiles(head.get()));
    cache.put(repo.id(), new Cached(now, head.get(), entries));
    return entries;
  }

  /** The last minute in (from, now] at which the schedule fires, in the clock's zone. */
  private Optional<ZonedDateTime> latestFiring(CronExpression schedule, Instant from, Instant now) {
    ZonedDateTime end = now.atZone(clock.getZone());
    Optional<ZonedDateTime> next = schedule.next(from.atZone(clock.getZone()));
    ZonedDateTime latest = null;
    for (int i = 0; i < MAX_STEPS && next.isPresent() && !next.get().isAfter(end); i++) {
      latest = next.get();
      next = schedule.next(latest);
    }
    return Optional.ofNullable(latest);
  }

  private static GitEvent.Push push(Repository repo, String branch, String sha) {
    return new GitEvent.Push(
        repo.ref(), repo.cloneUrl(), "refs/heads/" + branch, branch, null, sha, sha, false,
        false, PUSHER, null, null, null);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
