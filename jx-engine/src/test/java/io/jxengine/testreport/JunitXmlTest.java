package io.jxengine.testreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jxengine.diag.Code;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Real-world report shapes (Surefire, pytest, jest-junit, Gradle) and hostile ones. */
class JunitXmlTest {
  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = JunitXmlTest.class.getResourceAsStream("/junit/" + name)) {
      return in.readAllBytes();
    }
  }

  private static TestReport parse(String name) throws Exception {
    return JunitXml.parse(fixture(name), name);
  }

  @Test
  void surefireReport() throws Exception {
    TestReport r = parse("surefire-TEST-com.acme.CalculatorTest.xml");
    assertThat(r.totals()).isEqualTo(new TestTotals(1, 5, 1, 1, 1, 77));
    assertThat(r.failed()).extracting(FailedCase::kind, FailedCase::suite, FailedCase::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("failure", "com.acme.CalculatorTest", "dividesByZero"),
            org.assertj.core.groups.Tuple.tuple("error", "com.acme.CalculatorTest", "parsesInput"));
    FailedCase first = r.failed().get(0);
    assertThat(first.message()).isEqualTo("expected: <Infinity> but was: <NaN>");
    // the first lines of the trace, not the whole of it, and not the test's output
    assertThat(first.trace().lines()).hasSize(TestReport.TRACE_LINES + 1).last().isEqualTo("…");
    assertThat(first.trace()).startsWith("org.opentest4j.AssertionFailedError").doesNotContain("dividing");
  }

  @Test
  void pytestReport() throws Exception {
    TestReport r = parse("pytest.xml");
    assertThat(r.totals()).isEqualTo(new TestTotals(1, 4, 1, 0, 1, 407));
    FailedCase c = r.failed().get(0);
    assertThat(c.suite()).isEqualTo("tests.test_orders");
    assertThat(c.name()).isEqualTo("test_refund");
    assertThat(c.message()).startsWith("AssertionError: assert 10 == 12");
    assertThat(c.trace()).contains("tests/test_orders.py:27: AssertionError");
  }

  @Test
  void jestJunitReportTakesTheMessageFromTheText() throws Exception {
    TestReport r = parse("jest-junit.xml");
    assertThat(r.totals()).isEqualTo(new TestTotals(1, 3, 1, 0, 0, 215));
    assertThat(r.failed().get(0).message()).isEqualTo("Error: expect(received).toBe(expected) // Object.is equality");
    assertThat(r.failed().get(0).name()).isEqualTo("cart applies a discount");
  }

  @Test
  void gradleReportWithoutFailures() throws Exception {
    TestReport r = parse("gradle-TEST-com.acme.ApiTest.xml");
    assertThat(r.totals()).isEqualTo(new TestTotals(1, 2, 0, 0, 0, 1500));
    assertThat(r.failed()).isEmpty();
  }

  @Test
  void malformedXmlSaysWhere() {
    assertThatThrownBy(() -> parse("malformed.xml"))
        .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
        .satisfies(e -> {
          assertThat(e.code()).isEqualTo(Code.TEST_REPORT_MALFORMED);
          assertThat(e.pos().file()).isEqualTo("malformed.xml");
          assertThat(e.pos().line()).isEqualTo(5);
          assertThat(e.pos().column()).isPositive();
        });
  }

  @Test
  void externalEntitiesAreRefusedBeforeAnythingIsRead() {
    assertThatThrownBy(() -> parse("xxe.xml"))
        .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
        .satisfies(e -> {
          assertThat(e.code()).isEqualTo(Code.TEST_REPORT_MALFORMED);
          assertThat(e.pos().line()).isEqualTo(2);
          assertThat(String.valueOf(e.args()[0])).doesNotContain("root:");
        });
  }

  @Test
  void billionLaughsIsRefusedAtTheDoctype() {
    assertThatThrownBy(() -> parse("billion-laughs.xml"))
        .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
        .extracting(ReportException::code).isEqualTo(Code.TEST_REPORT_MALFORMED);
  }

  @Test
  void externalDtdIsNeitherFetchedNorAccepted() {
    assertThatThrownBy(() -> parse("external-dtd.xml"))
        .asInstanceOf(InstanceOfAssertFactories.type(ReportException.class))
        .extracting(ReportException::code).isEqualTo(Code.TEST_REPORT_MALFORMED);
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "<a>".repeat(JunitXml.MAX_DEPTH + 1) + "</a>".repeat(JunitXml.MAX_DEPTH + 1);
    assertThatThrownBy(() -> JunitXml.parse(deep.getBytes(StandardCharsets.UTF_8), "deep.xml"))
        .isInstanceOf(ReportException.class);
  }

  @Test
  void failedCasesAreCappedAndCounted() throws Exception {
    StringBuilder xml = new StringBuilder("<testsuite name='big'>");
    for (int i = 0; i < TestReport.MAX_FAILED_CASES + 25; i++) {
      xml.append("<testcase classname='Big' name='t").append(i).append("'><failure message='")
          .append("m".repeat(2000)).append("'/></testcase>");
    }
    TestReport r = JunitXml.parse(xml.append("</testsuite>").toString().getBytes(StandardCharsets.UTF_8), "big.xml");
    assertThat(r.totals().failures()).isEqualTo(TestReport.MAX_FAILED_CASES + 25);
    assertThat(r.failed()).hasSize(TestReport.MAX_FAILED_CASES);
    assertThat(r.failedLeftOut()).isEqualTo(25);
    assertThat(r.failed().get(0).message()).hasSize(TestReport.MAX_TEXT);
  }

  @Test
  void nestedSuitesNameTheCasesWithoutClassName() throws Exception {
    String xml = "<testsuites><testsuite name='outer'><testsuite name='inner'>"
        + "<testcase name='x'><error/></testcase></testsuite>"
        + "<testcase name='y'><failure>boom</failure></testcase></testsuite></testsuites>";
    TestReport r = JunitXml.parse(xml.getBytes(StandardCharsets.UTF_8), "n.xml");
    assertThat(r.failed()).extracting(FailedCase::suite).containsExactly("inner", "outer");
    assertThat(r.failed().get(1).message()).isEqualTo("boom");
  }
}
