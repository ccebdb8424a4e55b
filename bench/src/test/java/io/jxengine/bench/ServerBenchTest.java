package io.jxengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the server benchmark runnable: every part at a tiny size, checking that it measured real
 * runs and stored every delivery (no timing goal). (d) starts the engine's CLI on this classpath
 * instead of the launcher, which would build the engine.
 */
class ServerBenchTest {
  @Test
  void measuresEveryPartAtATinySize(@TempDir Path work) throws Exception {
    ServerBench.Options o = new ServerBench.Options(8, 1, 2, 2, 1, 2, 0.5,
        IdleMemoryBench.engineOnThisClasspath());

    ServerBench.Report r = ServerBench.run(o, work, new PrintStream(new ByteArrayOutputStream()));

    assertThat(r.intake().stored()).isEqualTo(8L * (1 + IntakeBench.WARMUP_ROUNDS));
    assertThat(r.intake().non2xx()).isZero();
    assertThat(r.intake().engine().n()).isEqualTo(8);
    assertThat(r.intake().baseline().p50()).isPositive();
    assertThat(r.intake().engineHandler().n()).isEqualTo(8);
    assertThat(r.intake().baselineHandler().n()).isEqualTo(8);
    assertThat(r.latency().succeeded()).isEqualTo(2);
    assertThat(r.latency().engine().p50()).isNotNaN();
    assertThat(r.latency().baseline().n()).isEqualTo(2);
    assertThat(r.throughput().failed()).isZero();
    assertThat(r.throughput().succeeded() + r.throughput().baselinePerMin()).isPositive();
    assertThat(r.memory().engineKb()).isPositive();
    assertThat(r.memory().baselineKb()).isPositive();
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    ServerBench.print(r, o, new PrintStream(table, true, StandardCharsets.UTF_8));
    assertThat(table.toString(StandardCharsets.UTF_8)).contains("(a)", "(b)", "(c)", "(d)");
  }
}
