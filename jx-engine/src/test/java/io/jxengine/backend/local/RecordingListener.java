package io.jxengine.backend.local;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records everything a backend reports, for assertions. Thread-safe. */
final class RecordingListener implements RunListener {
  record StageEvent(String stage, Status status, String message) {}

  record StepEvent(String stage, String step, String phase, Status status, int attempt,
      Integer exitCode, String message) {}

  record Proc(String stage, String step, long pid, long startMillis) {}

  final List<StageEvent> stages = new CopyOnWriteArrayList<>();
  final List<StepEvent> steps = new CopyOnWriteArrayList<>();
  final List<Proc> processes = new CopyOnWriteArrayList<>();
  final Map<String, List<String>> logs = new ConcurrentHashMap<>();
  /** What each step exported ({@link #exported}), by "stage/step". */
  final Map<String, Map<String, String>> exports = new ConcurrentHashMap<>();

  @Override
  public void stage(String stage, Status status, String message) {
    stages.add(new StageEvent(stage, status, message));
  }

  @Override
  public void step(String stage, String step, String phase, Status status, int attempt,
      Integer exitCode, String message) {
    steps.add(new StepEvent(stage, step, phase, status, attempt, exitCode, message));
  }

  @Override
  public void log(String stage, String step, String line) {
    logs.computeIfAbsent(stage + "/" + step, k -> new CopyOnWriteArrayList<>()).add(line);
  }

  @Override
  public void exported(String stage, String step, Map<String, String> variables) {
    exports.put(stage + "/" + step, Map.copyOf(variables));
  }

  @Override
  public void process(String stage, String step, long pid, long startMillis) {
    processes.add(new Proc(stage, step, pid, startMillis));
  }

  /** The last status reported for a stage. */
  StageEvent stage(String stage) {
    StageEvent last = null;
    for (StageEvent e : stages) {
      if (e.stage().equals(stage)) {
        last = e;
      }
    }
    return last;
  }

  /** The last event reported for a step. */
  StepEvent step(String stage, String step) {
    StepEvent last = null;
    for (StepEvent e : steps) {
      if (e.stage().equals(stage) && e.step().equals(step)) {
        last = e;
      }
    }
    return last;
  }

  List<StepEvent> events(String stage, String step) {
    List<StepEvent> out = new ArrayList<>();
    for (StepEvent e : steps) {
      if (e.stage().equals(stage) && e.step().equals(step)) {
        out.add(e);
      }
    }
    return out;
  }

  List<String> log(String stage, String step) {
    return logs.getOrDefault(stage + "/" + step, List.of());
  }
}
