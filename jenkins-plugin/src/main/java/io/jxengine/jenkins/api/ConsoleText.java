package io.jxengine.jenkins.api;

import io.jxengine.activity.Activity;
import io.jxengine.activity.StepRecord;
import io.jxengine.logs.LogLine;
import io.jxengine.logs.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A build's console as Jenkins shows it: a header, each step's log under a {@code [stage] step}
 * line, then {@code Finished: RESULT}. The text only ever grows while the build runs, so byte
 * offsets stay valid for {@code logText/progressiveText?start=}: steps are written in order and
 * the writing stops at the first step that may still get lines (one not ended, or ended while no
 * later step has started, since its log is closed just after its end is recorded).
 * Stateless; thread-safe.
 */
final class ConsoleText {
  private ConsoleText() {}

  static byte[] of(Activity a, LogStore logs) {
    StringBuilder b = new StringBuilder();
    b.append("Started by user ").append(a.author() == null ? "anonymous" : a.author()).append('\n');
    b.append("Running on jx-engine as activity ").append(a.id()).append('\n');
    boolean done = a.status().isTerminal();
    List<StepRecord> ordered = ordered(a.steps());
    for (int i = 0; i < ordered.size(); i++) {
      StepRecord s = ordered.get(i);
      if (s.status() == io.jxengine.activity.Status.Pending && !done) {
        break;
      }
      boolean final_ = done || (s.status().isTerminal() && laterStarted(ordered, i));
      if (s.status() == io.jxengine.activity.Status.NotExecuted || s.started() == null) {
        if (!final_) {
          break;
        }
        continue;
      }
      b.append("[").append(stageOf(a, s)).append("] ").append(s.name()).append('\n');
      for (LogLine line : read(logs, a.id(), s.id())) {
        b.append(line.text()).append('\n');
      }
      if (!final_) {
        return b.toString().getBytes(StandardCharsets.UTF_8);
      }
    }
    if (done) {
      if (a.message() != null && !a.message().isEmpty()) {
        b.append(a.message()).append('\n');
      }
      b.append("Finished: ").append(JenkinsJson.result(a.status())).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean laterStarted(List<StepRecord> ordered, int i) {
    for (int j = i + 1; j < ordered.size(); j++) {
      if (ordered.get(j).started() != null) {
        return true;
      }
    }
    return false;
  }

  /** Steps (not stages) in run order: stages by ordinal, then steps by ordinal. */
  private static List<StepRecord> ordered(List<StepRecord> all) {
    Map<Long, Integer> stageOrder = all.stream().filter(s -> s.parentId() == null)
        .collect(Collectors.toMap(StepRecord::id, StepRecord::ordinal));
    List<StepRecord> steps = new ArrayList<>(all.stream().filter(s -> s.parentId() != null).toList());
    steps.sort(Comparator.<StepRecord>comparingInt(s -> stageOrder.getOrDefault(s.parentId(), 0))
        .thenComparingInt(StepRecord::ordinal));
    return steps;
  }

  private static String stageOf(Activity a, StepRecord step) {
    return a.steps().stream().filter(s -> s.id() == step.parentId()).map(StepRecord::name)
        .findFirst().orElse("");
  }

  private static List<LogLine> read(LogStore logs, long activityId, long stepId) {
    try {
      return logs.read(activityId, stepId, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
