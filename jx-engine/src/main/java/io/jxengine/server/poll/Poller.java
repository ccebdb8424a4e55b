package io.jxengine.server.poll;

import io.jxengine.scm.GitEvent;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls repositories that have a {@code pollInterval} (no webhooks) and turns what changed into
 * synthetic push events, delivered through an {@link EventSink} with delivery id
 * {@code poll:<repoId>:<ref>:<sha>} (the sha is all zeros for a deleted ref), so the same change
 * is never delivered twice.
 *
 * <p>The first poll of a repository only records its refs: registering a repository does not
 * build every branch it already has. After that, a new or moved branch or tag is a push; a
 * removed one is a push with {@code deleted} set. The refs seen are saved only after every event
 * of a poll was delivered; a crash in between re-delivers the same ids, which the sink ignores.
 *
 * <p>Threading: {@link #pollDue} and {@link #pollOnce} may be called from any one thread at a
 * time; {@link #start} runs {@link #pollDue} on a daemon thread of its own. A remote that cannot
 * be reached is logged and tried again at its next interval; it never stops the others.
 */
public final class Poller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
  private static final String ZERO_SHA = "0".repeat(40);
  /** Marks events the poller made up, in the place of the provider's pusher. */
  public static final String PUSHER = "jxe-poller";

  private final RepositoryStore repositories;
  private final SeenRefs seen;
  private final RefLister lister;
  private final EventSink sink;
  private final Clock clock;
  private final Map<Long, Instant> lastAttempt = new ConcurrentHashMap<>();
  private ScheduledExecutorService timer;

  public Poller(
      RepositoryStore repositories, SeenRefs seen, RefLister lister, EventSink sink, Clock clock) {
    this.repositories = repositories;
    this.seen = seen;
    this.lister = lister;
    this.sink = sink;
    this.clock = clock;
  }

  /** Runs {@link #pollDue} now and then every {@code tick} until {@link #close}. */
  public synchronized void start(Duration tick) {
    if (timer != null) {
      throw new IllegalStateException("the poller is already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jxe-poller");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::pollDueQuietly, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollDueQuietly() {
    try {
      pollDue();
    } catch (RuntimeException e) {
      // A broken store must not end the schedule; the next tick tries again.
      LOG.warn("polling failed: {}", e.toString());
    }
  }

  /** Polls every repository whose interval has passed since its last poll; returns the events. */
  public List<GitEvent.Push> pollDue() {
    List<GitEvent.Push> out = new ArrayList<>();
    Instant now = clock.instant();
    for (Repository repo : repositories.list()) {
      if (repo.pollInterval() == null || !due(repo, now)) {
        continue;
      }
      lastAttempt.put(repo.id(), now);
      try {
        out.addAll(pollOnce(repo));
      } catch (IOException e) {
        LOG.warn("cannot poll {} ({}): {}", repo.fullName(), repo.cloneUrl(), e.getMessage());
      }
    }
    return out;
  }

  private boolean due(Repository repo, Instant now) {
    Instant last = lastAttempt.get(repo.id());
    if (last == null) {
      last = seen.load(repo.id()).map(SeenRefs.Snapshot::polledAt).orElse(null);
    }
    return last == null || !now.isBefore(last.plus(repo.pollInterval()));
  }

  /**
   * Lists the remote's refs, delivers a push for each change since the last poll, and records
   * the refs. Returns the delivered events (none on the first poll).
   *
   * @throws IOException when the remote cannot be listed (nothing is recorded)
   */
  public List<GitEvent.Push> pollOnce(Repository repo) throws IOException {
    Map<String, String> now = lister.list(repo.cloneUrl());
    Optional<SeenRefs.Snapshot> before = seen.load(repo.id());
    List<GitEvent.Push> events = new ArrayList<>();
    if (before.isPresent()) {
      Map<String, String> old = before.get().refs();
      TreeSet<String> names = new TreeSet<>(old.keySet());
      names.addAll(now.keySet());
      for (String ref : names) {
        String was = old.getOrDefault(ref, ZERO_SHA);
        String is = now.getOrDefault(ref, ZERO_SHA);
        if (was.equals(is) || !isBranchOrTag(ref)) {
          continue;
        }
        GitEvent.Push push = push(repo, ref, was, is);
        sink.deliver(repo, "poll:" + repo.id() + ":" + ref + ":" + is, push);
        events.add(push);
      }
    }
    seen.save(repo.id(), new SeenRefs.Snapshot(clock.instant(), now));
    return events;
  }

  private static boolean isBranchOrTag(String ref) {
    return ref.startsWith("refs/heads/") || ref.startsWith("refs/tags/");
  }

  private static GitEvent.Push push(Repository repo, String ref, String before, String after) {
    boolean branch = ref.startsWith("refs/heads/");
    String shortName = ref.substring(branch ? "refs/heads/".length() : "refs/tags/".length());
    return new GitEvent.Push(
        repo.ref(),
        repo.cloneUrl(),
        ref,
        branch ? shortName : null,
        branch ? null : shortName,
        before,
        after,
        before.equals(ZERO_SHA),
        after.equals(ZERO_SHA),
        PUSHER,
        null,
        null,
        null);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
