package io.jxengine.engine;

import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.jxengine.backend.StepReports;
import io.jxengine.logs.LogStore;
import io.jxengine.logs.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes what the backend reports into the activity store and the log store. Log lines are masked
 * by the log store's writer before they touch the disk. Thread-safe: parallel stages report from
 * their own threads, and each step's log has a single writer. With write-behind the records are
 * written by a {@link StoreWriter} (in order, batched) instead of on the reporting thread.
 */
final class RecordingListener implements RunListener {
  private final ActivityStore store;
  private final LogStore logs;
  private final SecretMasker masker;
  private final long activityId;
  private final Map<String, Long> stageIds;
  private final Map<StepKey, Long> stepIds;
  private final Map<Long, LogStore.LogWriter> writers = new ConcurrentHashMap<>();
  private final Map<String, StepKey> lastPhase = new ConcurrentHashMap<>();
  /** Processes (pid, start) already recorded at once for a step of this run: step shells. */
  private final java.util.Set<String> recordedProcesses = ConcurrentHashMap.newKeySet();
  private volatile String firstFailure;
  /** What steps reported for the activity ({@link StepReports}): the last report of each wins. */
  private final Map<String, String> reports = new ConcurrentHashMap<>();
  /** Writes the records behind the backend's threads; null to write them at once. */
  private final StoreWriter writer;

  RecordingListener(
      ActivityStore store,
      LogStore logs,
      SecretMasker masker,
      long activityId,
      Map<String, Long> stageIds,
      Map<StepKey, Long> stepIds,
      boolean writeBehind) {
    this.writer = writeBehind ? new StoreWriter(store) : null;
    this.store = store;
    this.logs = logs;
    this.masker = masker;
    this.activityId = activityId;
    this.stageIds = Map.copyOf(stageIds);
    this.stepIds = Map.copyOf(stepIds);
  }

  /** The message of the first step that failed, for the activity's message. */
  String firstFailure() {
    return firstFailure;
  }

  /** The value a step reported under {@code name} ({@link StepReports}), or null. */
  String reported(String name) {
    return reports.get(name);
  }

  @Override
  public void exported(String stage, String step, Map<String, String> variables) {
    for (String name : List.of(StepReports.RELEASE_VERSION, StepReports.RELEASE_NOTES_URL)) {
      String value = StepReports.recordable(variables.get(name));
      if (value != null) {
        reports.put(name, value);
      }
    }
  }

  @Override
  public void stage(String stage, Status status, String message) {
    Long id = stageIds.get(stage);
    if (id == null) {
      return;
    }
    Instant now = Instant.now();
    write(() -> store.updateStep(
        id,
        status,
        status == Status.Running ? now : null,
        status.isTerminal() ? now : null,
        null,
        0,
        message));
  }

  @Override
  public void step(
      String stage,
      String step,
      String phase,
      Status status,
      int attempt,
      Integer exitCode,
      String message) {
    StepKey key = StepKey.of(stage, phase, step);
    Long id = stepIds.get(key);
    if (id == null) {
      return;
    }
    lastPhase.put(stage + "\u0000" + step, key);
    Instant now = Instant.now();
    String masked = message == null ? "" : masker.mask(message);
    write(() -> store.updateStep(
        id,
        status,
        status == Status.Running && attempt <= 1 ? now : null,
        status.isTerminal() ? now : null,
        exitCode,
        attempt,
        masked));
    if (status.isFailure() && firstFailure == null) {
      firstFailure = stage + "/" + step + ": " + masked;
    }
    if (status.isTerminal()) {
      LogStore.LogWriter w = writers.remove(id);
      if (w != null) {
        w.close();
      }
    }
  }

  @Override
  public void log(String stage, String step, String line) {
    StepKey key = lastPhase.getOrDefault(stage + "\u0000" + step, StepKey.of(stage, "steps", step));
    Long id = stepIds.get(key);
    if (id == null) {
      return;
    }
    writers.computeIfAbsent(id, this::openWriter).line(line);
  }

  @Override
  public void process(String stage, String step, long pid, long startMillis) {
    StepKey key = lastPhase.getOrDefault(stage + "\u0000" + step, StepKey.of(stage, "steps", step));
    Long id = stepIds.get(key);
    if (id != null) {
      // Without the writer's delay: a crash right after the launch must find this record to end
      // the step's processes (the Running update queued before goes in the same transaction).
      // A step shell already recorded for an earlier step of this run needs no hurry: crash
      // recovery ends every process recorded for the run's steps, finished ones too.
      Runnable record = () -> store.recordStepProcess(id, pid, startMillis);
      if (writer == null) {
        record.run();
      } else if (recordedProcesses.add(pid + "@" + startMillis)) {
        writer.submitNow(record);
      } else {
        writer.submit(record);
      }
    }
  }

  private void write(Runnable record) {
    if (writer == null) {
      record.run();
    } else {
      writer.submit(record);
    }
  }

  /** Waits for the records still being written, then closes any log still open. */
  void closeAll() {
    if (writer != null) {
      writer.flush();
    }
    writers.values().forEach(LogStore.LogWriter::close);
    writers.clear();
  }

  private LogStore.LogWriter openWriter(long stepId) {
    try {
      return logs.open(activityId, stepId, masker);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the log of step " + stepId, e);
    }
  }
}
