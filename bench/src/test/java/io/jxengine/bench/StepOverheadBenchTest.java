package io.jxengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the benchmark runnable: a tiny size, checking it measures something real (no timing goal). */
class StepOverheadBenchTest {
  @Test
  void measuresEveryVariant(@TempDir Path work) throws Exception {
    StepOverheadBench.Result r = StepOverheadBench.measure(5, 1, work);
    assertThat(r.steps()).isEqualTo(5);
    assertThat(r.engineMs()).isPositive();
    assertThat(r.scriptBuiltinMs()).isPositive();
    assertThat(r.scriptExternalMs()).isPositive();
    assertThat(r.scriptLaunchesMs()).isPositive();
    assertThat(r.scriptShellMs()).isPositive();
    assertThat(r.backendMs()).isPositive();
  }
}
