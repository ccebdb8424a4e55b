package io.jxengine.server.api;

import io.jxengine.activity.StepRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places an activity's stages in the columns of the run page's stage graph.
 *
 * <p>The activity record keeps stages in plan order with their times but not their {@code
 * needs:}, so the columns are inferred from what happened: a stage that started after another
 * one completed is drawn to its right (it may have waited for it); stages that overlapped share
 * a column. For the default sequential pipeline that is exactly one column per stage; for a DAG
 * it is the order the stages really ran in. A stage that has not started goes one column right of
 * every stage before it in plan order.
 */
final class StageColumns {
  private StageColumns() {}

  /** Column (from 0) of each stage id; {@code stages} are in plan order. */
  static Map<Long, Integer> of(List<StepRecord> stages) {
    List<StepRecord> ordered =
        stages.stream().sorted(Comparator.comparingInt(StepRecord::ordinal)).toList();
    Map<Long, Integer> columns = new HashMap<>();
    int maxSoFar = -1;
    for (StepRecord stage : ordered) {
      int column;
      if (stage.started() == null) {
        column = maxSoFar + 1;
      } else {
        column = 0;
        for (StepRecord other : ordered) {
          Integer otherColumn = columns.get(other.id());
          if (otherColumn != null && endedBefore(other, stage.started())) {
            column = Math.max(column, otherColumn + 1);
          }
        }
      }
      columns.put(stage.id(), column);
      maxSoFar = Math.max(maxSoFar, column);
    }
    return columns;
  }

  private static boolean endedBefore(StepRecord other, Instant started) {
    return other.started() != null
        && other.completed() != null
        && !other.completed().isAfter(started);
  }
}
