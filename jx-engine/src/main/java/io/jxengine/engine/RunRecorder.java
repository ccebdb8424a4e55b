package io.jxengine.engine;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.backend.Backend;
import io.jxengine.backend.RunListener;
import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
import io.jxengine.compile.PlanStep;
import io.jxengine.logs.LogStore;
import io.jxengine.logs.SecretMasker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The activity side of a run, shared by every runner (local and cluster): the stage and step
 * records of a plan, and the listener that writes what a backend reports into the activity and
 * log stores (masked) and passes it, masked too, to a console listener. Thread-safe as {@link
 * RunListener}s must be; {@link #closeAll} once the run has ended.
 */
public final class RunRecorder {
  /** The phase of post steps in {@link RunListener#step} and in the records' names. */
  public static final String POST = "post";

  private static final String POST_PREFIX = "post: ";

  private final RecordingListener recorder;
  private final RunListener listener;

  private RunRecorder(
      ActivityStore store, LogStore logs, SecretMasker masker, long activityId,
      Map<String, Long> stageIds, Map<StepKey, Long> stepIds, RunListener console,
      boolean writeBehind) {
    this.recorder = new RecordingListener(
        store, logs, masker, activityId, stageIds, stepIds, writeBehind);
    this.listener = new FanOutListener(List.of(recorder, new MaskingListener(console, masker)));
  }

  /** Records every stage and step of {@code plan} as Pending, in plan order, and starts recording. */
  public static RunRecorder start(
      ActivityStore store, LogStore logs, long activityId, Plan plan, SecretMasker masker,
      RunListener console) {
    return start(store, logs, activityId, plan, masker, console, false);
  }

  /**
   * Like {@link #start(ActivityStore, LogStore, long, Plan, SecretMasker, RunListener)}; with
   * {@code writeBehind} the stage and step records are written behind the backend's threads, in
   * order and batched (see {@link StoreWriter}), and {@link #closeAll} waits for them.
   */
  public static RunRecorder start(
      ActivityStore store, LogStore logs, long activityId, Plan plan, SecretMasker masker,
      RunListener console, boolean writeBehind) {
    Map<String, Long> stageIds = new HashMap<>();
    Map<StepKey, Long> stepIds = new HashMap<>();
    List<PlanStage> all = new ArrayList<>(plan.stages());
    all.addAll(plan.finallyStages());
    if (plan.post() != null) {
      all.add(plan.post());
    }
    // One transaction for all the records, not one per step (200 steps: 200 commits).
    store.batch(() -> {
      int ordinal = 0;
      for (PlanStage stage : all) {
        long stageId =
            store.addStep(activityId, null, StepKind.Stage, stage.name(), ordinal++).id();
        stageIds.put(stage.name(), stageId);
        int n = 0;
        n = recordSteps(store, activityId, stageId, stage, "steps", stage.steps(), n, stepIds);
        n = recordSteps(store, activityId, stageId, stage, POST, stage.postAlways(), n, stepIds);
        n = recordSteps(store, activityId, stageId, stage, POST, stage.postSuccess(), n, stepIds);
        recordSteps(store, activityId, stageId, stage, POST, stage.postFailure(), n, stepIds);
      }
    });
    return new RunRecorder(
        store, logs, masker, activityId, stageIds, stepIds, console, writeBehind);
  }

  /**
   * Goes on recording an activity whose stages and steps were recorded earlier (by {@link
   * #start}, possibly in another process): the records are found again by their names.
   */
  public static RunRecorder resume(
      ActivityStore store, LogStore logs, Activity activity, SecretMasker masker,
      RunListener console) {
    Map<String, Long> stageIds = new HashMap<>();
    Map<Long, String> stageNames = new HashMap<>();
    for (StepRecord r : activity.steps()) {
      if (r.parentId() == null && r.kind() == StepKind.Stage) {
        stageIds.put(r.name(), r.id());
        stageNames.put(r.id(), r.name());
      }
    }
    Map<StepKey, Long> stepIds = new HashMap<>();
    for (StepRecord r : activity.steps()) {
      String stage = r.parentId() == null ? null : stageNames.get(r.parentId());
      if (stage == null) {
        continue;
      }
      boolean post = r.name().startsWith(POST_PREFIX);
      String name = post ? r.name().substring(POST_PREFIX.length()) : r.name();
      stepIds.put(StepKey.of(stage, post ? POST : "steps", name), r.id());
    }
    return new RunRecorder(store, logs, masker, activity.id(), stageIds, stepIds, console, false);
  }

  /** Where the backend reports: the stores first, then the console. */
  public RunListener listener() {
    return listener;
  }

  /** The message of the first step that failed, or null. */
  public String firstFailure() {
    return recorder.firstFailure();
  }

  /**
   * What the run's steps reported under {@code name} through {@code $JXE_ENV} ({@link
   * io.jxengine.backend.StepReports}; the last successful step's report wins), or null.
   */
  public String reported(String name) {
    return recorder.reported(name);
  }

  /** Waits for records still being written; closes the logs still open (an abnormal end leaves some). */
  public void closeAll() {
    recorder.closeAll();
  }

  /** The activity's message for a result: the cancel reason, the first failure, or empty. */
  public String resultMessage(Status result, Backend.CancelSignal cancel) {
    if (result == Status.Aborted && cancel.isCancelled()) {
      return cancel.reason();
    }
    if (result.isFailure() && firstFailure() != null) {
      return firstFailure();
    }
    return "";
  }

  private static int recordSteps(
      ActivityStore store, long id, long stageId, PlanStage stage, String phase,
      List<PlanStep> steps, int ordinal, Map<StepKey, Long> stepIds) {
    for (PlanStep step : steps) {
      StepKey key = StepKey.of(stage.name(), phase, step.name());
      if (stepIds.containsKey(key)) {
        continue;
      }
      String name = POST.equals(phase) ? POST_PREFIX + step.name() : step.name();
      stepIds.put(key, store.addStep(id, stageId, kindOf(step), name, ordinal++).id());
    }
    return ordinal;
  }

  /**
   * A step declares another activity kind with {@code env: JXE_STEP_KIND: Preview} (or
   * {@code Promote}), as the preview catalog step does; anything else records a plain Step.
   */
  static StepKind kindOf(PlanStep step) {
    String kind = step.env().get("JXE_STEP_KIND");
    if ("Preview".equals(kind)) {
      return StepKind.Preview;
    }
    return "Promote".equals(kind) ? StepKind.Promote : StepKind.Step;
  }
}
