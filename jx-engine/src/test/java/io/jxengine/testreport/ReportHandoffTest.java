package io.jxengine.testreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step → engine handoff: round trip, replacement on retry, and distrust of what is read. */
class ReportHandoffTest {
  @TempDir Path tmp;

  private static TestReport report(int tests, int failures) {
    List<FailedCase> failed = failures == 0 ? List.of()
        : List.of(new FailedCase("S", "t", FailedCase.FAILURE, "boom", "at S.t(S.java:1)"));
    return new TestReport(new TestTotals(1, tests, failures, 0, 0, 12), failed, Math.max(0, failures - 1));
  }

  @Test
  void roundTripAndARetryReplacesTheEarlierReport() throws Exception {
    Path dir = ReportHandoff.dirFor(tmp.resolve("workspaces/12"));
    assertThat(dir).isEqualTo(tmp.resolve("workspaces/12.tests"));
    ReportHandoff.write(dir, "test", "junit", report(10, 3));
    ReportHandoff.write(dir, "test", "junit", report(10, 1));
    ReportHandoff.write(dir, "e2e", "junit", report(2, 0));
    assertThat(ReportHandoff.readAll(dir))
        .containsExactly(new StepTestReport("e2e", "junit", report(2, 0)), new StepTestReport("test", "junit", report(10, 1)));
  }

  @Test
  void namesThatAreNotEngineNamesAreRefused() {
    assertThatThrownBy(() -> ReportHandoff.write(tmp, "../x", "junit", report(1, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whatTheBuildWroteIsReadDefensively() throws Exception {
    Files.writeString(tmp.resolve("a.junit.json"), "{not json");
    Files.writeString(tmp.resolve("b.junit.json"), "{\"stage\":\"b\",\"step\":\"junit\",\"report\":{\"totals\":"
        + "{\"files\":1,\"tests\":-5,\"failures\":1,\"errors\":0,\"skipped\":0,\"durationMillis\":1},"
        + "\"failed\":[{\"suite\":\"S\",\"name\":\"" + "n".repeat(5000) + "\",\"kind\":\"weird\"}],\"failedLeftOut\":0}}");
    Files.writeString(tmp.resolve("c.junit.json"), "{\"stage\":\"../../etc\",\"step\":\"junit\",\"report\":{\"totals\":{}}}");
    List<StepTestReport> read = ReportHandoff.readAll(tmp);
    assertThat(read).singleElement().satisfies(r -> {
      assertThat(r.report().totals().tests()).isZero();
      assertThat(r.report().failed().get(0).kind()).isEqualTo(FailedCase.FAILURE);
      assertThat(r.report().failed().get(0).name()).hasSize(TestReport.MAX_TEXT);
    });
  }
}
