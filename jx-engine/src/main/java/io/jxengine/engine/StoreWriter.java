package io.jxengine.engine;

import io.jxengine.activity.ActivityStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's stage and step records behind the backend's threads: a step never waits for the
 * activity store, and what is queued within {@value #LAG_MILLIS} ms of the first queued write is
 * committed in one transaction ({@link ActivityStore#batch}; a group commit with a short delay),
 * so 200 quick steps do not cost 600 commits. Writes keep their order. The records lag the run by
 * at most that delay plus one write; {@link #flush} writes at once and waits (the run's end).
 *
 * <p>Errors: a failed write is logged and does not stop the later ones (the backend no longer
 * sees it; before, it ended the run with an internal error). Thread-safe: any thread may
 * {@link #submit}; one shared thread does all writing, so writes of one run never overlap.
 */
final class StoreWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
  /** How long the first queued write waits for others to share its transaction. */
  static final long LAG_MILLIS = 20;
  private static final ScheduledExecutorService WRITER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jxe-store-writer");
        t.setDaemon(true);
        return t;
      });

  private final ActivityStore store;
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  /** True while a drain is scheduled and has not started taking writes. */
  private final AtomicBoolean scheduled = new AtomicBoolean();

  StoreWriter(ActivityStore store) {
    this.store = store;
  }

  /** Queues {@code write} (a call of the store) and makes sure a writer will run it. */
  void submit(Runnable write) {
    queue.add(write);
    if (scheduled.compareAndSet(false, true)) {
      WRITER.schedule(this::drain, LAG_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Queues {@code write} and has the writer run it, with everything queued before, without the
   * delay: for records crash recovery needs at once (a step's process).
   */
  void submitNow(Runnable write) {
    queue.add(write);
    WRITER.execute(this::drain);
  }

  /** Waits until every write submitted before this call is in the store. */
  void flush() {
    CountDownLatch done = new CountDownLatch(1);
    Barrier written = done::countDown;
    submitNow(written); // the writer thread runs one drain at a time: order is kept
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    // Reset first: a write queued from now on schedules the next drain (or is taken by this one).
    scheduled.set(false);
    List<Runnable> writes = new ArrayList<>();
    for (Runnable w; (w = queue.poll()) != null; ) {
      writes.add(w);
    }
    if (!writes.isEmpty()) {
      write(writes);
    }
  }

  private void write(List<Runnable> writes) {
    List<Runnable> barriers = new ArrayList<>();
    List<Runnable> records = new ArrayList<>(writes.size());
    for (Runnable w : writes) {
      (w instanceof Barrier ? barriers : records).add(w);
    }
    try {
      if (!records.isEmpty()) {
        store.batch(() -> records.forEach(StoreWriter::runOne));
      }
    } catch (RuntimeException e) {
      // The batch's commit failed: the writes are lost for the records, not for the run.
      LOG.warn("cannot record {} step updates: {}", records.size(), e.getMessage());
    }
    barriers.forEach(Runnable::run); // after the commit: a flush returns once it is durable
  }

  private static void runOne(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      LOG.warn("cannot record a step update: {}", e.getMessage());
    }
  }

  /** Not a write: a flush's signal, run once the writes queued before it are committed. */
  private interface Barrier extends Runnable {}
}
