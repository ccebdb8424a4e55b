package io.jxengine.testreport;

/**
 * Counts of a set of test reports, as Jenkins' test result summary shows them.
 *
 * @param files report files read
 * @param tests test cases (skipped ones included)
 * @param failures cases with a {@code <failure>} (an assertion that did not hold)
 * @param errors cases with an {@code <error>} (an unexpected exception)
 * @param skipped cases with {@code <skipped>}
 * @param durationMillis the sum of the cases' {@code time}
 */
public record TestTotals(int files, int tests, int failures, int errors, int skipped, long durationMillis) {
  public static final TestTotals NONE = new TestTotals(0, 0, 0, 0, 0, 0);

  /** Cases that did not pass: failures and errors. */
  public int failed() {
    return failures + errors;
  }

  /** Cases that ran and passed. */
  public int passed() {
    return Math.max(0, tests - failures - errors - skipped);
  }

  public TestTotals plus(TestTotals o) {
    return new TestTotals(files + o.files, tests + o.tests, failures + o.failures,
        errors + o.errors, skipped + o.skipped, durationMillis + o.durationMillis);
  }

  /** One line such as {@code 120 tests, 2 failures, 0 errors, 3 skipped in 4 report files}. */
  public String summary() {
    return tests + " tests, " + failures + " failures, " + errors + " errors, " + skipped
        + " skipped in " + files + " report file" + (files == 1 ? "" : "s");
  }
}
