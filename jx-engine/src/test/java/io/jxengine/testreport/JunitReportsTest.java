package io.jxengine.testreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.diag.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and reading report files: Ant patterns, the workspace boundary, links, size caps. */
class JunitReportsTest {
  @TempDir Path ws;

  private void copy(String fixture, String to) throws IOException {
    Path target = ws.resolve(to);
    Files.createDirectories(target.getParent());
    try (InputStream in = getClass().getResourceAsStream("/junit/" + fixture)) {
      Files.copy(in, target);
    }
  }

  @Test
  void antPatternsFindReportsAndAddThemUp() throws Exception {
    copy("surefire-TEST-com.acme.CalculatorTest.xml", "core/target/surefire-reports/TEST-com.acme.CalculatorTest.xml");
    copy("gradle-TEST-com.acme.ApiTest.xml", "api/build/test-results/test/TEST-com.acme.ApiTest.xml");
    copy("pytest.xml", "reports/pytest.xml");
    Files.writeString(ws.resolve("core/target/surefire-reports/com.acme.CalculatorTest.txt"), "not xml");

    JunitReports.Collected c = JunitReports.collect(ws, "**/TEST-*.xml, reports/*.xml", false);
    assertThat(c.report().totals()).isEqualTo(new TestTotals(3, 11, 2, 1, 2, 1984));
    assertThat(c.report().failed()).hasSize(3);
  }

  @Test
  void doubleStarMatchesNoDirectoryToo() {
    assertThat(ReportFiles.antToRegex("target/**/*.xml").matcher("target/a.xml").matches()).isTrue();
    assertThat(ReportFiles.antToRegex("target/**/*.xml").matcher("target/x/y/a.xml").matches()).isTrue();
    assertThat(ReportFiles.antToRegex("target/*.xml").matcher("target/x/a.xml").matches()).isFalse();
    assertThat(ReportFiles.antToRegex("a?.xml").matcher("ab.xml").matches()).isTrue();
  }

  @Test
  void nothingMatchingFailsUnlessAllowed() throws Exception {
    assertThatThrownBy(() -> JunitReports.collect(ws, "target/surefire-reports/*.xml", false))
        .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
        .extracting(ReportException::code).isEqualTo(Code.TEST_REPORT_MISSING);
    assertThat(JunitReports.collect(ws, "target/surefire-reports/*.xml", true).report().totals())
        .isEqualTo(TestTotals.NONE);
  }

  @Test
  void patternsThatLeaveTheWorkspaceAreRefused() {
    for (String p : new String[] {"../other/*.xml", "/etc/*.xml", "a/../../b.xml"}) {
      assertThatThrownBy(() -> JunitReports.collect(ws, p, true))
          .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
          .extracting(ReportException::code).isEqualTo(Code.TEST_REPORT_REFUSED);
    }
  }

  @Test
  void symbolicLinksAreNotFollowedOutOfTheWorkspace(@TempDir Path outside) throws Exception {
    Path secret = outside.resolve("TEST-secret.xml");
    Files.writeString(secret, "<testsuite><testcase name='leak'/></testsuite>");
    Files.createDirectories(ws.resolve("reports"));
    Files.createSymbolicLink(ws.resolve("reports/TEST-link.xml"), secret);
    Files.createSymbolicLink(ws.resolve("linked-dir"), outside);
    copy("gradle-TEST-com.acme.ApiTest.xml", "reports/TEST-real.xml");

    JunitReports.Collected c = JunitReports.collect(ws, "**/TEST-*.xml", false);
    assertThat(c.report().totals().tests()).isEqualTo(2);
    assertThat(c.notes()).singleElement().asString().startsWith("reports/TEST-link.xml");
    assertThatThrownBy(() -> ReportFiles.read(ws, "reports/TEST-link.xml"))
        .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
        .extracting(ReportException::code).isEqualTo(Code.TEST_REPORT_REFUSED);
  }

  @Test
  void aHugeReportIsRefusedWithoutReadingItAll() throws Exception {
    Path big = ws.resolve("TEST-big.xml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(ReportFiles.MAX_FILE + 1); // sparse: costs no disk
    }
    assertThatThrownBy(() -> JunitReports.collect(ws, "*.xml", false))
        .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
        .satisfies(e -> {
          assertThat(e.code()).isEqualTo(Code.TEST_REPORT_REFUSED);
          assertThat(e.pos().file()).isEqualTo("TEST-big.xml");
        });
  }

  @Test
  void malformedReportFailsWithItsRelativePath() throws Exception {
    copy("malformed.xml", "target/surefire-reports/TEST-broken.xml");
    assertThatThrownBy(() -> JunitReports.collect(ws, "target/surefire-reports/*.xml", false))
        .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
        .satisfies(e -> assertThat(e.pos().toString()).startsWith("target/surefire-reports/TEST-broken.xml:5:"));
  }
}
