package io.jxengine.testreport;

import java.util.ArrayList;
import java.util.List;

/**
 * What one report step found: totals and the cases that did not pass. The list is capped at
 * {@link #MAX_FAILED_CASES} (a build with thousands of failures needs the first ones, not all);
 * {@code failedLeftOut} says how many more there were. Immutable.
 */
public record TestReport(TestTotals totals, List<FailedCase> failed, int failedLeftOut) {
  /** Failed cases kept per report step. */
  public static final int MAX_FAILED_CASES = 100;
  /** Lines of a stack trace kept. */
  public static final int TRACE_LINES = 20;
  /** Characters of a stack trace kept. */
  public static final int MAX_TRACE = 4000;
  /** Characters of a message, suite or case name kept. */
  public static final int MAX_TEXT = 500;

  public static final TestReport EMPTY = new TestReport(TestTotals.NONE, List.of(), 0);

  public TestReport {
    failed = List.copyOf(failed);
  }

  /** This report and {@code o} together, the failed cases capped again. */
  public TestReport plus(TestReport o) {
    List<FailedCase> all = new ArrayList<>(failed);
    int leftOut = failedLeftOut + o.failedLeftOut;
    for (FailedCase c : o.failed) {
      if (all.size() < MAX_FAILED_CASES) {
        all.add(c);
      } else {
        leftOut++;
      }
    }
    return new TestReport(totals.plus(o.totals), all, leftOut);
  }

  /** {@code text} cut to {@code max} characters, with an ellipsis when cut. */
  static String cap(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** The first {@link #TRACE_LINES} lines of {@code trace}, at most {@link #MAX_TRACE} characters. */
  static String trace(String trace) {
    String t = trace == null ? "" : trace.strip();
    String[] lines = t.split("\r?\n", TRACE_LINES + 1);
    String kept = lines.length > TRACE_LINES
        ? String.join("\n", java.util.Arrays.copyOf(lines, TRACE_LINES)) + "\n…"
        : t;
    return cap(kept, MAX_TRACE);
  }
}
