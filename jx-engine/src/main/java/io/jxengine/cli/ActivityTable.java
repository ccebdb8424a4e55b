package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.activity.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Activities as {@code jx get activities} shows them: one line per build, then its stages and
 * their steps, indented, with how long ago each started, how long it took and its status.
 */
final class ActivityTable {
  private final boolean wide;
  private final Instant now;
  private final java.util.Map<Long, io.jxengine.testreport.TestTotals> tests;

  ActivityTable(boolean wide, Instant now) {
    this(wide, now, java.util.Map.of());
  }

  /** With the test totals of activities that recorded tests, shown in the wide details. */
  ActivityTable(boolean wide, Instant now, java.util.Map<Long, io.jxengine.testreport.TestTotals> tests) {
    this.wide = wide;
    this.now = now;
    this.tests = tests;
  }

  List<String> header() {
    return List.of(row("STEP", "STARTED AGO", "DURATION", "STATUS", wide ? "DETAILS" : ""));
  }

  List<String> rows(Activity a) {
    List<String> lines = new ArrayList<>();
    String details = wide ? details(a) + testDetails(a) : brief(a);
    lines.add(row(a.displayName(), ago(a.started()), took(a.started(), a.completed()),
        a.status().name(), details));
    List<StepRecord> stages =
        a.steps().stream()
            .filter(s -> s.parentId() == null)
            .sorted(Comparator.comparingInt(StepRecord::ordinal))
            .toList();
    for (StepRecord stage : stages) {
      lines.add(row("  Stage " + stage.name(), ago(stage.started()),
          took(stage.started(), stage.completed()), stage.status().name(),
          wide ? stage.message() : ""));
      a.steps().stream()
          .filter(s -> s.parentId() != null && s.parentId() == stage.id())
          .sorted(Comparator.comparingInt(StepRecord::ordinal))
          .forEach(
              s -> lines.add(row("    " + s.name(), ago(s.started()),
                  took(s.started(), s.completed()), s.status().name(),
                  wide ? stepDetails(s) : "")));
    }
    return lines;
  }

  /** The version, and the link back for a build imported from a Jenkins controller. */
  private static String brief(Activity a) {
    List<String> parts = new ArrayList<>();
    if (a.version() != null) {
      parts.add("Version: " + a.version());
    }
    if (a.buildUrl() != null) {
      parts.add(a.buildUrl());
    }
    return String.join(" ", parts);
  }

  private static String details(Activity a) {
    List<String> parts = new ArrayList<>();
    parts.add("context=" + a.context());
    parts.add("source=" + a.source());
    parts.add("event=" + a.event());
    if (a.commitSha() != null && !a.commitSha().isEmpty()) {
      parts.add("commit=" + a.commitSha().substring(0, Math.min(12, a.commitSha().length())));
    }
    if (a.version() != null) {
      parts.add("version=" + a.version());
    }
    if (a.message() != null && !a.message().isEmpty()) {
      parts.add("message=" + a.message());
    }
    if (a.buildUrl() != null) {
      parts.add("url=" + a.buildUrl());
    }
    return String.join(" ", parts);
  }

  private String testDetails(Activity a) {
    io.jxengine.testreport.TestTotals t = tests.get(a.id());
    return t == null ? "" : " tests=" + t.tests() + " failed=" + t.failed() + " skipped=" + t.skipped();
  }

  private static String stepDetails(StepRecord s) {
    String exit = s.exitCode() == null ? "" : "exit=" + s.exitCode() + " ";
    String attempts = s.attempts() > 1 ? "attempts=" + s.attempts() + " " : "";
    return (exit + attempts + (s.message() == null ? "" : s.message())).trim();
  }

  private String ago(Instant t) {
    return t == null ? "" : Durations.human(Duration.between(t, now)).replaceAll("\\.\\d", "");
  }

  private String took(Instant start, Instant end) {
    if (start == null) {
      return "";
    }
    return Durations.human(Duration.between(start, end == null ? now : end));
  }

  private static String row(String step, String ago, String took, String status, String extra) {
    String base = String.format(Locale.ROOT, "%-44s %11s %9s %s", step, ago, took, status);
    return extra == null || extra.isEmpty() ? base : base + " " + extra;
  }
}
