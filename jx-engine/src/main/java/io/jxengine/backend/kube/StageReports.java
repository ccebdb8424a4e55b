package io.jxengine.backend.kube;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.jxengine.engine.RunRecorder;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reports each activity stage of a cluster run once Running and once ended; a stage that ended
 * Succeeded may still end Failed when its post fails afterwards (post runs as later tasks or pods
 * on a cluster), nothing else is reported twice. Confined to the run's event thread.
 */
final class StageReports {
  private final RunListener listener;
  private final Map<String, Status> status = new HashMap<>();

  StageReports(RunListener listener) {
    this.listener = listener;
  }

  /** True once the stage has been reported (Running or ended). */
  boolean reported(String stage) {
    return status.containsKey(stage);
  }

  void start(String stage) {
    if (!status.containsKey(stage)) {
      status.put(stage, Status.Running);
      listener.stage(stage, Status.Running, "");
    }
  }

  void end(String stage, Status s, String message) {
    Status now = status.get(stage);
    if (now != null && now.isTerminal() && (now != Status.Succeeded || s == Status.Succeeded)) {
      return;
    }
    status.put(stage, s);
    listener.stage(stage, s, message);
  }

  /** At the end of the run: every stage of {@code layout} not ended yet is NotExecuted. */
  void endOpen(Collection<TaskLayout.Task> layout, String why) {
    for (TaskLayout.Task t : layout) {
      if (!t.isClone() && !RunRecorder.POST.equals(t.phase())
          && !status.getOrDefault(t.stage(), Status.Pending).isTerminal()) {
        end(t.stage(), Status.NotExecuted, "not executed: " + why);
      }
    }
  }
}
