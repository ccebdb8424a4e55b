package io.jxengine.testreport;

import java.util.List;

/**
 * The test results recorded on one activity: the sum over its report steps, and each step's
 * report with its failed cases.
 */
public record ActivityTests(long activityId, TestTotals totals, List<StepTestReport> reports) {
  public ActivityTests {
    reports = List.copyOf(reports);
  }

  /** The results of {@code reports}, totals added up. */
  public static ActivityTests of(long activityId, List<StepTestReport> reports) {
    TestTotals t = TestTotals.NONE;
    for (StepTestReport r : reports) {
      t = t.plus(r.report().totals());
    }
    return new ActivityTests(activityId, t, reports);
  }
}
