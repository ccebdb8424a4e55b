package io.jxengine.backend.kube;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The one thread that handles a followed run's events (informer callbacks, log ends, timers), so
 * the run's state needs no locks. An exception in a handler is passed to {@code onError} (the run
 * then ends with it) instead of being lost in the executor.
 */
final class EventThread {
  private final ExecutorService executor;
  private final Consumer<RuntimeException> onError;

  EventThread(String name, Consumer<RuntimeException> onError) {
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    this.onError = onError;
  }

  void post(Runnable r) {
    executor.execute(() -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        onError.accept(e);
      }
    });
  }

  Executor executor() {
    return executor;
  }

  void shutdown() {
    executor.shutdown();
  }
}
