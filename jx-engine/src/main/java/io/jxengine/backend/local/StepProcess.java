package io.jxengine.backend.local;

import java.time.Duration;
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
    if (ownGroup) {
      ProcessGroups.signal(pgid, "TERM");
    } else {
      tree.forEach(ProcessHandle::destroy);
      process.destroy();
    }
    scheduler.schedule(() -> escalate(pgid, tree), grace.toMillis(), TimeUnit.MILLISECONDS);
    return true;
  }

  private void escalate(long pgid, List<ProcessHandle> tree) {
    // Only signal the group while it has members: an empty group's id may belong to someone else.
    if (ownGroup && (!ProcessGroups.canInspect() ? process.isAlive()
        : !ProcessGroups.members(pgid).isEmpty())) {
      ProcessGroups.signal(pgid, "KILL");
    }
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
