package io.jxengine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code golden/lint/<case>/pipeline.yaml} → {@code expected.txt} (the diagnostics as printed). */
class GoldenLintTest {
  private final PipelineLoader loader = new PipelineLoader(Golden.catalog());

  @TestFactory
  Stream<DynamicTest> lintCases() {
    return Golden.cases("lint").stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path dir) throws Exception {
    LoadResult r = loader.load(dir.resolve("pipeline.yaml"), "pipeline.yaml", "default");
    Golden.check(dir.resolve("expected.txt"), Golden.format(r.diagnostics()));
    if (Golden.mustFail(dir)) {
      assertThat(r.hasErrors()).as("a -fails case must produce an error").isTrue();
      assertThat(r.effective()).isNull();
    } else {
      assertThat(r.hasErrors()).as("errors in an ok case: %s", r.diagnostics()).isFalse();
      assertThat(r.effective()).isNotNull();
    }
  }
}
