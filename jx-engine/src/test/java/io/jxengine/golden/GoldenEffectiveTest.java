package io.jxengine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.compile.EffectiveYaml;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code golden/effective/<case>/pipeline.yaml} → {@code expected.yaml} (the effective pipeline),
 * and the effective YAML parses back to the same effective pipeline.
 */
class GoldenEffectiveTest {
  private final PipelineLoader loader = new PipelineLoader(Golden.catalog());

  @TestFactory
  Stream<DynamicTest> effectiveCases() {
    return Golden.cases("effective").stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path dir) throws Exception {
    LoadResult r = loader.load(dir.resolve("pipeline.yaml"), "pipeline.yaml", "default");
    assertThat(r.diagnostics()).as("effective cases must load clean").isEmpty();
    String yaml = EffectiveYaml.write(r.effective());
    Golden.check(dir.resolve("expected.yaml"), yaml);

    LoadResult again = loader.loadString(yaml, "expected.yaml", "default");
    assertThat(again.diagnostics()).isEmpty();
    assertThat(EffectiveYaml.write(again.effective())).isEqualTo(yaml);
    assertThat(Normalized.of(again.effective())).isEqualTo(Normalized.of(r.effective()));
  }
}
