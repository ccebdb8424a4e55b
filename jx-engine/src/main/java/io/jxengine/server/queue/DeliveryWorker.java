package io.jxengine.server.queue;

import io.jxengine.compile.EffectiveYaml;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.GitProvider;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.runs.QueuedRun;
import io.jxengine.server.runs.RunQueue;
import io.jxengine.server.runs.RunScheduler;
import io.jxengine.server.trigger.CancelRequest;
import io.jxengine.server.trigger.Reply;
import io.jxengine.server.trigger.RunIntent;
import io.jxengine.server.trigger.TriggerPlanner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles stored deliveries in the background: claims one, asks the planner what it means,
 * queues each run once (by trigger key), stops superseded builds, posts replies, and marks the
 * delivery done. Handling is idempotent, so a delivery handled again after a crash queues
 * nothing new.
 *
 * <p>Threading: {@code threads} daemon threads; {@link #wake} after storing a delivery avoids
 * waiting for the next poll. {@link #close} lets a delivery being handled finish.
 */
public final class DeliveryWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final long POLL_MILLIS = 500;
  /** A delivery whose handling failed is tried again (the planner's fetch may have timed out). */
  static final int MAX_ATTEMPTS = 3;

  private final DeliveryStore deliveries;
  private final RepositoryStore repositories;
  private final TriggerPlanner planner;
  private final RunScheduler scheduler;
  private final ProviderFactory providers;
  private final int threads;
  private final Semaphore wakeups = new Semaphore(0);
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean closed;

  public DeliveryWorker(
      DeliveryStore deliveries, RepositoryStore repositories, TriggerPlanner planner,
      RunScheduler scheduler, ProviderFactory providers, int threads) {
    this.deliveries = deliveries;
    this.repositories = repositories;
    this.planner = planner;
    this.scheduler = scheduler;
    this.providers = providers;
    this.threads = threads;
  }

  /** Starts the threads; may be called again after {@link #close} (a replica leading again). */
  public synchronized void start() {
    closed = false;
    wakeups.drainPermits();
    for (int i = 1; i <= threads; i++) {
      Thread t = new Thread(this::loop, "jxe-delivery-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
  }

  /** A delivery was stored: a waiting worker takes it now. */
  public void wake() {
    wakeups.release();
  }

  /** True while every worker thread runs (false when started with none). */
  public synchronized boolean isAlive() {
    return !workers.isEmpty() && workers.stream().allMatch(Thread::isAlive);
  }

  private void loop() {
    while (!closed) {
      try {
        Optional<Delivery> next = deliveries.claimNext();
        if (next.isPresent()) {
          handle(next.get());
        } else {
          wakeups.drainPermits();
          wakeups.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // The store failed (disk full?): keep the thread, try again after a pause.
        LOG.error("delivery worker: {}", e.toString());
        sleepQuietly();
      }
    }
  }

  /** Handles one claimed delivery; public for tests that drive the worker by hand. */
  public void handle(Delivery d) {
    try {
      Optional<Repository> repo = repositories.get(d.repositoryId());
      if (repo.isEmpty()) {
        deliveries.finish(d.id(), DeliveryState.failed, "the repository is no longer registered",
            null);
        return;
      }
      GitEvent event = GitEventCodec.decode(d.eventKind(), d.eventJson());
      TriggerPlanner.Decision decision = planner.plan(repo.get(), event, d.deliveryId());
      List<String> notes = new ArrayList<>(decision.notes());
      Set<Long> queued = new LinkedHashSet<>();
      List<Long> created = new ArrayList<>();
      for (RunIntent intent : decision.runs()) {
        RunQueue.Enqueued e = scheduler.queue(queuedRun(repo.get(), intent));
        queued.add(e.activityId());
        if (e.created()) {
          created.add(e.activityId());
        }
      }
      // Cancels before submitting, and never the runs this same delivery queued: a delivery
      // handled again after a crash must not stop its own builds.
      for (CancelRequest cancel : decision.cancels()) {
        scheduler.cancel(cancel, queued);
      }
      for (Reply reply : decision.replies()) {
        reply(repo.get(), reply).ifPresent(notes::add);
      }
      created.forEach(scheduler::submit);
      notes.add("queued activities " + queued);
      deliveries.finish(d.id(), DeliveryState.done, null, String.join("; ", notes));
    } catch (RuntimeException e) {
      LOG.warn("delivery {} ({}), attempt {}: {}", d.id(), d.deliveryId(), d.attempts(),
          e.toString());
      // Handling is idempotent, so trying again cannot queue a run twice.
      DeliveryState next = d.attempts() < MAX_ATTEMPTS ? DeliveryState.received
          : DeliveryState.failed;
      deliveries.finish(d.id(), next, e.toString(), null);
    }
  }

  private Optional<String> reply(Repository repo, Reply reply) {
    Optional<GitProvider> provider = providers.forRepository(repo);
    if (provider.isEmpty()) {
      return Optional.of("no provider to reply on #" + reply.number());
    }
    try {
      provider.get().upsertComment(repo.ref(), reply.number(), reply.marker(), reply.body());
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("cannot reply on #" + reply.number() + ": " + e.getMessage());
    }
  }

  static QueuedRun queuedRun(Repository repo, RunIntent intent) {
    return new QueuedRun(
        repo.id(), intent.triggerKey(), intent.pipeline().name(), intent.pipeline().source(),
        EffectiveYaml.write(intent.pipeline()), intent.context(), intent.checkoutUrl(),
        intent.checkoutSha(), intent.withSecrets(), intent.statusContext());
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    wakeups.release(threads);
    for (Thread t : workers) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    workers.clear();
  }
}
