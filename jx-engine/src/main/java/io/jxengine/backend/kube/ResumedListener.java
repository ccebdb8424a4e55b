package io.jxengine.backend.kube;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepRecord;
import io.jxengine.backend.RunListener;
import io.jxengine.engine.RunRecorder;
import io.jxengine.logs.LogStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In front of the recorder of a run that is followed again after an engine restart: the informers
 * replay the run from its start, so what the activity already holds is dropped — stages and steps
 * already in that status (their start times stay), and, per step, as many log lines as its log
 * already has (the log stream starts again from the first line). Thread-safe.
 */
final class ResumedListener implements RunListener {
  private final RunListener delegate;
  private final Map<String, Status> recorded = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> linesToSkip = new ConcurrentHashMap<>();

  ResumedListener(RunListener delegate, Activity activity, LogStore logs) {
    this.delegate = delegate;
    Map<Long, String> stages = new HashMap<>();
    for (StepRecord r : activity.steps()) {
      if (r.parentId() == null) {
        stages.put(r.id(), r.name());
        recorded.put(r.name(), r.status());
      }
    }
    for (StepRecord r : activity.steps()) {
      String stage = r.parentId() == null ? null : stages.get(r.parentId());
      if (stage == null) {
        continue;
      }
      String name = r.name().startsWith(RunRecorder.POST + ": ")
          ? r.name().substring(RunRecorder.POST.length() + 2) : r.name();
      recorded.put(stage + "\u0000" + name, r.status());
      try {
        linesToSkip.put(stage + "\u0000" + name, new AtomicInteger(logs.read(activity.id(), r.id(), 0).size()));
      } catch (IOException e) {
        linesToSkip.put(stage + "\u0000" + name, new AtomicInteger());
      }
    }
  }

  @Override
  public void stage(String stage, Status status, String message) {
    if (recorded.get(stage) != status) {
      recorded.put(stage, status);
      delegate.stage(stage, status, message);
    }
  }

  @Override
  public void step(String stage, String step, String phase, Status status, int attempt,
      Integer exitCode, String message) {
    String key = stage + "\u0000" + step;
    if (recorded.get(key) != status || status == Status.Running && attempt > 1) {
      recorded.put(key, status);
      delegate.step(stage, step, phase, status, attempt, exitCode, message);
    }
  }

  @Override
  public void log(String stage, String step, String line) {
    AtomicInteger skip = linesToSkip.get(stage + "\u0000" + step);
    if (skip != null && skip.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return;
    }
    delegate.log(stage, step, line);
  }
}
