package io.jxengine.approval;

/**
 * Wakes gates waiting in this JVM when a decision is recorded here (the server's REST API, a
 * test), so they need not wait for their next poll of the store. Decisions from other processes
 * are still found by polling. Thread-safe.
 */
public final class ApprovalSignals {
  private static final Object LOCK = new Object();
  private static long generation;

  private ApprovalSignals() {}

  /** The current generation; pass it to {@link #awaitAfter} to not miss a signal in between. */
  public static long generation() {
    synchronized (LOCK) {
      return generation;
    }
  }

  /** Called after a decision is committed. */
  public static void decided() {
    synchronized (LOCK) {
      generation++;
      LOCK.notifyAll();
    }
  }

  /** Waits up to {@code maxMillis} unless a decision came after {@code seen}. */
  public static void awaitAfter(long seen, long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + maxMillis * 1_000_000;
    synchronized (LOCK) {
      long left;
      while (generation == seen && (left = deadline - System.nanoTime()) > 0) {
        LOCK.wait(Math.max(1, left / 1_000_000));
      }
    }
  }
}
