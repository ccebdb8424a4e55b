package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.StepRecord;
import io.jxengine.logs.LogLine;
import io.jxengine.logs.LogStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a build's step logs in stage and step order: once, or following new lines (prefixed
 * {@code [stage/step]}) until the build ends. Reads the store and log files, so it works whichever
 * process runs the build.
 */
final class LogFollower {
  private final ActivityStore store;
  private final LogStore logs;
  private final PrintWriter out;
  private final boolean follow;
  private final boolean timestamps;
  private final Map<Long, Integer> offsets = new HashMap<>();

  LogFollower(ActivityStore store, LogStore logs, PrintWriter out, boolean follow,
      boolean timestamps) {
    this.store = store;
    this.logs = logs;
    this.out = out;
    this.follow = follow;
    this.timestamps = timestamps;
  }

  /** Prints the logs; when following, returns once the build has ended. Returns its last state. */
  Activity print(Activity start, long intervalMillis) throws InterruptedException {
    Activity a = start;
    while (true) {
      a = store.get(a.id()).orElse(a);
      boolean done = a.status().isTerminal();
      printNew(a);
      if (!follow || done) {
        return a;
      }
      Thread.sleep(intervalMillis);
      store.recoverOrphans();
    }
  }

  private void printNew(Activity a) {
    Map<Long, StepRecord> stages = new HashMap<>();
    a.steps().stream().filter(s -> s.parentId() == null).forEach(s -> stages.put(s.id(), s));
    List<StepRecord> steps =
        a.steps().stream()
            .filter(s -> s.parentId() != null)
            .sorted(
                Comparator.comparingInt((StepRecord s) -> stages.get(s.parentId()).ordinal())
                    .thenComparingInt(StepRecord::ordinal))
            .toList();
    for (StepRecord step : steps) {
      int from = offsets.getOrDefault(step.id(), 0);
      List<LogLine> lines;
      try {
        lines = logs.read(a.id(), step.id(), from);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (lines.isEmpty()) {
        continue;
      }
      String stage = stages.get(step.parentId()).name();
      if (!follow && from == 0) {
        out.println();
        out.println("stage " + stage + " / step " + step.name() + " (" + step.status() + ")");
      }
      for (LogLine l : lines) {
        String prefix = follow ? "[" + stage + "/" + step.name() + "] " : "";
        out.println((timestamps ? l.time() + " " : "") + prefix + l.text());
      }
      offsets.put(step.id(), from + lines.size());
    }
    out.flush();
  }
}
