package io.jxengine.engine;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import java.util.List;

/** Passes every event to several listeners in order (the store first, then the console). */
final class FanOutListener implements RunListener {
  private final List<RunListener> listeners;

  FanOutListener(List<RunListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void stage(String stage, Status status, String message) {
    listeners.forEach(l -> l.stage(stage, status, message));
  }

  @Override
  public void step(
      String stage, String step, String phase, Status status, int attempt, Integer exitCode,
      String message) {
    listeners.forEach(l -> l.step(stage, step, phase, status, attempt, exitCode, message));
  }

  @Override
  public void log(String stage, String step, String line) {
    listeners.forEach(l -> l.log(stage, step, line));
  }

  @Override
  public void process(String stage, String step, long pid, long startMillis) {
    listeners.forEach(l -> l.process(stage, step, pid, startMillis));
  }

  @Override
  public void exported(String stage, String step, java.util.Map<String, String> variables) {
    listeners.forEach(l -> l.exported(stage, step, variables));
  }
}
