package io.jxengine.backend.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running step: its process, the leader of its own session and process group (see
 * {@link ProcessGroups#SETSID}). {@link #terminate} ends the whole tree: SIGTERM to the group at
 * once, SIGKILL to whatever is left after the grace period. Thread-safe; the first cause wins.
 */
final class StepProcess {
  private final Process process;
  private final boolean ownGroup;
  private final ScheduledExecutorService scheduler;
  private final Duration grace;
  private StopCause cause;

  StepProcess(Process process, boolean ownGroup, ScheduledExecutorService scheduler,
      Duration grace) {
    this.process = process;
    this.ownGroup = ownGroup;
    this.scheduler = scheduler;
    this.grace = grace;
  }

  Process process() {
    return process;
  }

  synchronized StopCause cause() {
    return cause;
  }

  /** Ends the tree for {@code why}; false (and nothing sent) when it was already being ended. */
  boolean terminate(StopCause why) {
    synchronized (this) {
      if (cause != null) {
        return false;
      }
      cause = why;
    }
    // Snapshot first: once the leader dies its children are re-parented and no longer found.
    List<ProcessHandle> tree = process.descendants().toList();
    long pgid = process.pid();
    if (ownGroup && groupMayLive(pgid)) {
      ProcessGroups.signal(pgid, "TERM");
    } else if (!ownGroup) {
      tree.forEach(ProcessHandle::destroy);
      process.destroy();
    }
    scheduler.schedule(() -> escalate(pgid, tree), grace.toMillis(), TimeUnit.MILLISECONDS);
    return true;
  }

  /**
   * Ends processes the step left running after its shell exited normally (SIGTERM now, SIGKILL
   * after the grace). Signals them one by one: their pids are known, so no {@code kill} process
   * is needed. Does nothing when the step is already being ended for another cause.
   */
  void endLeftovers(List<Long> pids) {
    synchronized (this) {
      if (cause != null) {
        return;
      }
      cause = StopCause.LINGERING;
    }
    List<ProcessHandle> left = new ArrayList<>();
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(left::add);
    }
    left.forEach(ProcessHandle::destroy);
    scheduler.schedule(
        () -> left.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly),
        grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void escalate(long pgid, List<ProcessHandle> tree) {
    if (ownGroup && groupMayLive(pgid)) {
      ProcessGroups.signal(pgid, "KILL");
    }
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * Signal a group only while it may have members: once the leader is reaped and the group is
   * empty, its id is free and could name someone else's group.
   */
  private boolean groupMayLive(long pgid) {
    if (process.isAlive()) {
      return true;
    }
    return ProcessGroups.canInspect() && !ProcessGroups.members(pgid).isEmpty();
  }
}
