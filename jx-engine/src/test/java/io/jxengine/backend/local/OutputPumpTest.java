package io.jxengine.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputPumpTest {
  static List<String> pump(String text) {
    List<String> lines = new ArrayList<>();
    new OutputPump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lines::add)
        .run();
    return lines;
  }

  @Test
  void splitsOnNewlinesDropsCarriageReturnsAndKeepsAnUnterminatedLastLine() {
    assertThat(pump("a\r\nb\n\nc")).containsExactly("a", "b", "", "c");
    assertThat(pump("")).isEmpty();
  }

  @Test
  void capsLongLinesWithoutTearingCharacters() {
    String text = "x".repeat(OutputPump.MAX_LINE - 1) + "é" + "tail\n";
    List<String> lines = pump(text);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("x".repeat(OutputPump.MAX_LINE - 1));
    assertThat(lines.get(1)).isEqualTo("étail");
    assertThat(String.join("", lines)).doesNotContain("\uFFFD");
  }

  @Test
  void aFailingConsumerDoesNotStopTheDraining() {
    List<String> seen = new ArrayList<>();
    new OutputPump(new ByteArrayInputStream("1\n2\n3\n".getBytes(StandardCharsets.UTF_8)),
        line -> {
          seen.add(line);
          if (line.equals("1")) {
            throw new IllegalStateException("listener broke");
          }
        }).run();
    assertThat(seen).containsExactly("1", "2", "3");
  }
}
