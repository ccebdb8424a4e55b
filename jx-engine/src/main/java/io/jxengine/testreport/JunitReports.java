package io.jxengine.testreport;

import io.jxengine.diag.Code;
import io.jxengine.model.Pos;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Collects the JUnit reports a step declares: finds them ({@link ReportFiles}), parses each
 * ({@link JunitXml}) and adds them up, with the total size capped at {@link ReportFiles#MAX_TOTAL}.
 * The first unusable file ends the collection with its {@link ReportException}. Stateless.
 */
public final class JunitReports {
  /** What was collected, and notes on files skipped. */
  public record Collected(TestReport report, List<String> notes) {}

  private JunitReports() {}

  /**
   * @param patterns comma-separated Ant patterns relative to {@code workspace}
   * @param allowEmpty when false, no matching file is {@code JX902}
   */
  public static Collected collect(Path workspace, String patterns, boolean allowEmpty)
      throws ReportException, IOException {
    ReportFiles.Found found = ReportFiles.find(workspace, patterns);
    if (found.files().isEmpty() && !allowEmpty) {
      throw new ReportException(Code.TEST_REPORT_MISSING, Pos.UNKNOWN, patterns);
    }
    TestReport total = TestReport.EMPTY;
    long bytes = 0;
    for (String rel : found.files()) {
      byte[] xml = ReportFiles.read(workspace, rel);
      bytes += xml.length;
      if (bytes > ReportFiles.MAX_TOTAL) {
        throw new ReportException(Code.TEST_REPORT_REFUSED, Pos.fileStart(rel), patterns,
            "the reports add up to more than " + (ReportFiles.MAX_TOTAL >> 20) + " MiB");
      }
      total = total.plus(JunitXml.parse(xml, rel));
    }
    return new Collected(total, found.notes());
  }
}
