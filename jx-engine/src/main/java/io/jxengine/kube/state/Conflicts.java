package io.jxengine.kube.state;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jxengine.activity.StoreException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Optimistic concurrency against the API server: an update carries the resourceVersion it read,
 * the server answers 409 Conflict when another writer (another replica, another thread) came
 * first, and the whole read-change-write is tried again on fresh data.
 *
 * <p>Stateless, thread-safe. Other API failures become {@link StoreException}s naming what was
 * being done; after {@link #MAX_ATTEMPTS} conflicts in a row the last one is reported the same way.
 */
final class Conflicts {
  static final int MAX_ATTEMPTS = 100;
  static final int CONFLICT = 409;
  static final int NOT_FOUND = 404;

  private Conflicts() {}

  /** Runs {@code attempt} until it does not end in a 409; {@code what} names it in errors. */
  static <T> T retry(String what, Supplier<T> attempt) {
    KubernetesClientException last = null;
    for (int i = 0; i < MAX_ATTEMPTS; i++) {
      try {
        return attempt.get();
      } catch (KubernetesClientException e) {
        if (e.getCode() != CONFLICT) {
          throw failed(what, e);
        }
        last = e;
        backOff(i);
      }
    }
    throw failed(what + " (" + MAX_ATTEMPTS + " conflicting writers in a row)", last);
  }

  /** Runs one API call, turning its failure into a {@link StoreException}. */
  static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw failed(what, e);
    }
  }

  static boolean isConflict(KubernetesClientException e) {
    return e.getCode() == CONFLICT;
  }

  static StoreException failed(String what, KubernetesClientException e) {
    String status = e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "";
    return new StoreException("cluster store: cannot " + what + status + ": " + e.getMessage(), e);
  }

  /** A short random pause, growing with the attempts, so colliding writers drift apart. */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1 + Math.min(attempt, 20) * 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("cluster store: interrupted", e);
    }
  }
}
