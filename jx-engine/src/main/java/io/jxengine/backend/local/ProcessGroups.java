package io.jxengine.backend.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals and inspects whole process groups. Java cannot send a signal to a group, so this runs the
 * {@code kill} command ({@code kill -TERM -- -<pgid>}); membership is read from {@code /proc}.
 * Signals are sent only when a step is being ended; after a normal step only the {@code stat}
 * files of the pids handed out while it ran are read ({@link #startedMembers}). Thread-safe.
 */
final class ProcessGroups {
  private static final Path PROC = Path.of("/proc");
  private static final Path LOADAVG = PROC.resolve("loadavg");
  /**
   * Up to this many new pids are probed one by one; beyond, one scan of /proc is cheaper: the
   * range also holds the thread ids of every other program on the host (a busy JVM hands out
   * dozens), whose stat files a probe would read, while the scan lists processes only.
   */
  private static final int PROBE_LIMIT = 32;
  private static final int HEAD_BYTES = 128;
  /** {@code /usr/bin/setsid} execs into a new session without forking when run by the JVM. */
  static final String SETSID = findSetsid();

  private ProcessGroups() {}

  /** True when steps can be put in their own session, so their whole tree can be signalled. */
  static boolean available() {
    return SETSID != null;
  }

  private static final boolean PROC_AVAILABLE = Files.isDirectory(PROC.resolve("self"));

  /** True when /proc can tell which processes are in a group (Linux). */
  static boolean canInspect() {
    return PROC_AVAILABLE;
  }

  /**
   * Sends {@code signal} (TERM, KILL) to every process of group {@code pgid}. Failures (such as
   * "no such process" when the group is already gone) are ignored: the caller escalates anyway.
   */
  static void signal(long pgid, String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no kill binary: the caller's ProcessHandle fallback still ends the known descendants
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Live (non-zombie) processes in group {@code pgid}; empty when none or /proc is missing. */
  static List<Long> members(long pgid) {
    return scan(pgid, 0);
  }

  /**
   * Like {@link #members} but only looks at pids above the group leader's, which is where the
   * processes a step started are (pids grow until they wrap around). Reading one {@code stat}
   * file per process costs milliseconds on a busy host; this reads only the few new ones, so it
   * is cheap enough to run after every step.
   */
  static List<Long> newerMembers(long pgid) {
    return scan(pgid, pgid + 1);
  }

  /**
   * The pid the kernel handed out last (the last field of {@code /proc/loadavg}, in this pid
   * namespace), or -1 when unknown. Processes started after this call get higher pids until the
   * pids wrap around.
   */
  static long lastPid() {
    try {
      String s = head(LOADAVG).trim();
      return Long.parseLong(s.substring(s.lastIndexOf(' ') + 1));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Live processes of group {@code pgid}, other than {@code pgid} itself, among those started
   * between two {@link #lastPid} readings ({@code after} exclusive, {@code upTo} inclusive). When
   * few pids were handed out in between, only their {@code stat} files are read (most no longer
   * exist), which costs microseconds; otherwise, or after a wrap-around, {@code /proc} is scanned.
   */
  static List<Long> startedMembers(long pgid, long after, long upTo) {
    List<Long> out = new ArrayList<>();
    if (after < 0 || upTo < after || upTo - after > PROBE_LIMIT) {
      for (long pid : after >= 0 && upTo >= after ? scan(pgid, after + 1) : members(pgid)) {
        if (pid != pgid) {
          out.add(pid);
        }
      }
      return out;
    }
    for (long pid = after + 1; pid <= upTo; pid++) {
      if (pid != pgid && inGroup(PROC.resolve(Long.toString(pid)), pgid)) {
        out.add(pid);
      }
    }
    return out;
  }

  private static List<Long> scan(long pgid, long minPid) {
    List<Long> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : dirs) {
        long pid;
        try {
          pid = Long.parseLong(dir.getFileName().toString());
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid < minPid) {
          continue;
        }
        if (inGroup(dir, pgid)) {
          out.add(pid);
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** True when the process of {@code /proc/<pid>} lives (is no zombie) and is in {@code pgid}. */
  private static boolean inGroup(Path procDir, long pgid) {
    String stat;
    try {
      // The fields up to pgrp fit in the head: comm is at most 15 bytes, the rest are numbers.
      stat = head(procDir.resolve("stat"));
    } catch (IOException gone) {
      return false;
    }
    // "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses.
    int close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.length()) {
      return false;
    }
    String[] f = stat.substring(close + 2).split(" ", 4);
    return f.length >= 3 && !f[0].equals("Z") && !f[0].equals("X")
        && f[2].equals(Long.toString(pgid));
  }

  /**
   * The first {@value #HEAD_BYTES} bytes of a /proc file: {@code Files.readString} would grow a
   * buffer for these files, which report a size of 0, and this runs after every step.
   */
  private static String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(HEAD_BYTES), StandardCharsets.ISO_8859_1);
    }
  }

  private static String findSetsid() {
    for (String p : List.of("/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return null;
  }
}
