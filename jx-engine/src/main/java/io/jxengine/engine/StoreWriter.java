package io.jxengine.engine;

import io.jxengine.activity.ActivityStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's stage and step records behind the backend's threads: a step never waits for the
 * activity store, and whatever queued up while the previous write ran is committed in one
 * transaction ({@link ActivityStore#batch}), so 200 quick steps do not cost 600 commits. Writes
 * keep their order. The records lag the run by one write at most; {@link #flush} waits until all
 * are written (the run's end).
 *
 * <p>Errors: a failed write is logged and does not stop the later ones (the backend no longer
 * sees it; before, it ended the run with an internal error). Thread-safe: any thread may
 * {@link #submit}; one pool thread at a time writes.
 */
final class StoreWriter {
  private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
  private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "jxe-store-writer");
    t.setDaemon(true);
    return t;
  });

  private final ActivityStore store;
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  StoreWriter(ActivityStore store) {
    this.store = store;
  }

  /** Queues {@code write} (a call of the store) and makes sure a writer will run it. */
  void submit(Runnable write) {
    queue.add(write);
    if (writing.compareAndSet(false, true)) {
      WRITERS.execute(this::drain);
    }
  }

  /** Waits until every write submitted before this call is in the store. */
  void flush() {
    CountDownLatch done = new CountDownLatch(1);
    Barrier written = done::countDown;
    submit(written);
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    while (true) {
      List<Runnable> writes = new ArrayList<>();
      for (Runnable w; (w = queue.poll()) != null; ) {
        writes.add(w);
      }
      if (!writes.isEmpty()) {
        write(writes);
        continue;
      }
      writing.set(false);
      // A write queued between the last poll and the reset found the flag set: take it on.
      if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
        return;
      }
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
