package io.jxengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the benchmark runnable: a tiny size, checking it measures something real (no timing goal). */
class StepOverheadBenchTest {
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void measuresEveryVariant(boolean subshell, @TempDir Path work) throws Exception {
    StepOverheadBench.Result r = StepOverheadBench.measure(5, subshell, 1, work);
    assertThat(r.steps()).isEqualTo(5);
    assertThat(r.engineMs()).isPositive();
    assertThat(r.scriptBuiltinMs()).isPositive();
    assertThat(r.scriptExternalMs()).isPositive();
    assertThat(r.scriptLaunchesMs()).isPositive();
    assertThat(r.scriptShellMs()).isPositive();
    assertThat(r.backendMs()).isPositive();
  }
}
