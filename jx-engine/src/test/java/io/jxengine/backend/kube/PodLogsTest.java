package io.jxengine.backend.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodLogsTest {
  @Test
  void splitsLinesDropsCarriageReturnsAndCapsLongLines() throws Exception {
    List<String> lines = new ArrayList<>();
    String longLine = "x".repeat(PodLogs.MAX_LINE + 5);
    PodLogs.readLines(new StringReader("one\r\ntwo\n" + longLine + "\nlast"), lines::add);
    assertThat(lines).containsExactly(
        "one", "two", "x".repeat(PodLogs.MAX_LINE), "xxxxx", "last");
  }
}
