package io.jxengine.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageColumnsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void sequentialStagesTakeOneColumnEach() {
    Map<Long, Integer> c = StageColumns.of(List.of(
        stage(1, 0, 0, 5), stage(2, 1, 5, 8), stage(3, 2, 8, 9)));
    assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 0, 2L, 1, 3L, 2));
  }

  @Test
  void stagesThatOverlappedShareAColumn() {
    // build, then lint and test in parallel, then publish after both
    Map<Long, Integer> c = StageColumns.of(List.of(
        stage(1, 0, 0, 2), stage(2, 1, 2, 6), stage(3, 2, 2, 4), stage(4, 3, 6, 7)));
    assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 0, 2L, 1, 3L, 1, 4L, 2));
  }

  @Test
  void stagesNotStartedFollowTheOnesBeforeThem() {
    Map<Long, Integer> c = StageColumns.of(List.of(
        stage(1, 0, 0, null), pending(2, 1), pending(3, 2)));
    assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 0, 2L, 1, 3L, 2));
  }

  @Test
  void planOrderDecidesNotListOrder() {
    Map<Long, Integer> c = StageColumns.of(List.of(pending(9, 1), stage(8, 0, 0, null)));
    assertThat(c).containsExactlyInAnyOrderEntriesOf(Map.of(8L, 0, 9L, 1));
  }

  private static StepRecord stage(long id, int ordinal, int startSec, Integer endSec) {
    return new StepRecord(id, 1, null, StepKind.Stage, "s" + id, ordinal,
        endSec == null ? Status.Running : Status.Succeeded, T0.plusSeconds(startSec),
        endSec == null ? null : T0.plusSeconds(endSec), null, 1, "");
  }

  private static StepRecord pending(long id, int ordinal) {
    return new StepRecord(id, 1, null, StepKind.Stage, "s" + id, ordinal, Status.Pending, null,
        null, null, 0, "");
  }
}
