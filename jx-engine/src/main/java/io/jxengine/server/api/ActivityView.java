package io.jxengine.server.api;

import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An activity as the API shows it: its record, its run page's address, the link back to the run
 * on the system it was imported from (a Jenkins controller; null for native runs), and its
 * stages (with their graph column) each holding its steps. Durations are milliseconds, up to now while running.
 */
record ActivityView(
    long id,
    String name,
    String owner,
    String repo,
    String branch,
    int build,
    String context,
    Status status,
    Instant started,
    Instant completed,
    Long durationMillis,
    String gitUrl,
    String commitSha,
    String commitMessage,
    String author,
    String pullTitle,
    Integer pullNumber,
    String baseSha,
    String version,
    String source,
    String event,
    String message,
    String url,
    String buildUrl,
    List<StageView> stages) {

  record StageView(
      long id,
      String name,
      Status status,
      Instant started,
      Instant completed,
      Long durationMillis,
      int column,
      String message,
      List<StepView> steps) {}

  record StepView(
      long id,
      String name,
      StepKind kind,
      Status status,
      Instant started,
      Instant completed,
      Long durationMillis,
      Integer exitCode,
      int attempts,
      String message) {}

  static ActivityView of(Activity a, String url, Instant now) {
    List<StepRecord> stageRecords =
        a.steps().stream().filter(s -> s.parentId() == null).toList();
    Map<Long, Integer> columns = StageColumns.of(stageRecords);
    List<StageView> stages = new ArrayList<>();
    for (StepRecord stage : stageRecords) {
      List<StepView> steps =
          a.steps().stream()
              .filter(s -> s.parentId() != null && s.parentId() == stage.id())
              .sorted(Comparator.comparingInt(StepRecord::ordinal))
              .map(s -> new StepView(s.id(), s.name(), s.kind(), s.status(), s.started(), s.completed(),
                  millis(s.started(), s.completed(), s.status(), now), s.exitCode(), s.attempts(),
                  s.message()))
              .toList();
      stages.add(new StageView(stage.id(), stage.name(), stage.status(), stage.started(),
          stage.completed(), millis(stage.started(), stage.completed(), stage.status(), now),
          columns.getOrDefault(stage.id(), 0), stage.message(), steps));
    }
    stages.sort(Comparator.comparingInt(StageView::column).thenComparingLong(StageView::id));
    return new ActivityView(a.id(), a.displayName(), a.owner(), a.repo(), a.branch(), a.build(),
        a.context(), a.status(), a.started(), a.completed(),
        millis(a.started(), a.completed(), a.status(), now), a.gitUrl(), a.commitSha(),
        a.commitMessage(), a.author(), a.pullTitle(), a.pullNumber(), a.baseSha(), a.version(),
        a.source(), a.event(), a.message(), url, a.buildUrl(), stages);
  }

  /** Steps that run processes (the ones with logs), in stage then step order. */
  static List<StepRecord> logSteps(Activity a) {
    return a.steps().stream().filter(s -> s.kind() != StepKind.Stage && s.parentId() != null)
        .toList();
  }

  private static Long millis(Instant started, Instant completed, Status status, Instant now) {
    if (started == null) {
      return null;
    }
    Instant end = completed != null ? completed : status.isTerminal() ? started : now;
    return Math.max(0, Duration.between(started, end).toMillis());
  }
}
