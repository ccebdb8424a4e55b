package io.jxengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void rendersEachScale() {
    assertThat(Durations.human(Duration.ofMillis(850))).isEqualTo("850ms");
    assertThat(Durations.human(Duration.ofMillis(12_300))).isEqualTo("12.3s");
    assertThat(Durations.human(Duration.ofSeconds(184))).isEqualTo("3m4s");
    assertThat(Durations.human(Duration.ofMinutes(125))).isEqualTo("2h5m");
    assertThat(Durations.human(Duration.ofSeconds(-1))).isEmpty();
  }
}
