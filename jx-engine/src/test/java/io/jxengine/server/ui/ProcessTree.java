package io.jxengine.server.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What {@code /proc} says about a step's processes (Linux only, as the local backend). */
final class ProcessTree {
  private ProcessTree() {}

  /** Alive and not a zombie: a zombie has ended, only its parent has not reaped it yet. */
  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
        && !stateOf(pid).startsWith("Z");
  }

  /** Live processes whose process group is {@code pgid}. */
  static List<Long> groupMembers(long pgid) throws IOException {
    List<Long> members = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path p : entries.toList()) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] fields = afterCommand(Long.parseLong(name)).split(" ");
        // after "pid (comm) ": state ppid pgrp ...
        if (fields.length > 2 && !fields[0].equals("Z") && fields[2].equals(Long.toString(pgid))) {
          members.add(Long.parseLong(name));
        }
      }
    }
    return members;
  }

  private static String stateOf(long pid) {
    String rest = afterCommand(pid);
    return rest.isEmpty() ? "Z" : rest;
  }

  /** The stat line after the command name, or empty when the process is gone. */
  private static String afterCommand(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
