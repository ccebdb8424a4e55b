package io.jxengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the benchmark runnable: a tiny repository, checking it computes the right answer (no timing goal). */
class NextVersionBenchTest {
  @Test
  void generatesTheHistoryAndComputesTheNextVersion(@TempDir Path work) throws Exception {
    NextVersionBench.Result r = NextVersionBench.measure(200, 20, 1, work);
    assertThat(r.commits()).isEqualTo(200);
    // 20 tags: the last is v1.1.9 (k = 19), ten commits before HEAD, one of them a feat
    assertThat(r.version()).isEqualTo("1.2.0");
    assertThat(r.engineMs()).isPositive();
    assertThat(r.describeMs()).isPositive();
    assertThat(r.revWalkMs()).isPositive();
  }
}
