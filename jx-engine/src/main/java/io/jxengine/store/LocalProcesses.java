package io.jxengine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes of this machine, as crash recovery needs them: is a recorded process still the
 * one that was recorded, and ending one with everything it started.
 *
 * <p>Thread-safe (stateless). Failures to inspect or kill are not errors: a process that cannot
 * be seen is treated as gone, one that cannot be killed is left.
 */
final class LocalProcesses {
  /**
   * How far a recorded start time may be from the one the OS reports and still be the same
   * process. Linux derives start times from the boot time, which moves by up to a second when the
   * clock is adjusted; a PID reused within two seconds of the original start is not a concern.
   */
  static final long START_TOLERANCE_MILLIS = 2_000;

  /**
   * True when {@code pid} runs and is the process recorded: its start time is within the
   * tolerance of {@code startMillis}. A start of 0 means unknown and matches any start.
   */
  boolean isRunning(long pid, long startMillis) {
    Optional<ProcessHandle> handle = handle(pid);
    if (handle.isEmpty() || isZombie(pid)) {
      return false;
    }
    if (startMillis <= 0) {
      return true;
    }
    Optional<Instant> started = handle.get().info().startInstant();
    // Without a start time to compare (rare) the safe answer for recovery is "still running".
    return started.isEmpty()
        || Math.abs(started.get().toEpochMilli() - startMillis) <= START_TOLERANCE_MILLIS;
  }

  /**
   * Kills the recorded process, its process group (steps run as group leaders, so this reaches
   * grandchildren that were reparented) and its descendants, with SIGKILL. Refuses this JVM.
   */
  void killTree(long pid) {
    Optional<ProcessHandle> handle = handle(pid);
    if (handle.isEmpty() || pid == ProcessHandle.current().pid()) {
      return;
    }
    // Collect descendants first: once the parent dies they are reparented and unreachable.
    List<ProcessHandle> descendants = handle.get().descendants().toList();
    killGroup(pid);
    descendants.forEach(ProcessHandle::destroyForcibly);
    handle.get().destroyForcibly();
  }

  private static void killGroup(long pid) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-KILL", "--", "-" + pid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!kill.waitFor(5, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
      }
    } catch (IOException e) {
      // No kill command: the descendants are still killed one by one.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<ProcessHandle> handle(long pid) {
    if (pid <= 1) {
      return Optional.empty();
    }
    try {
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (SecurityException e) {
      return Optional.empty();
    }
  }

  /** A zombie has exited and only waits for its parent to reap it: it is not running. */
  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The state follows the command name, which is in parentheses and may contain spaces.
      int end = stat.lastIndexOf(')');
      return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
