package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `jxe lint` on broken files of every kind: each file is named after the code it must produce;
 * output is compiler-style, the exit code is 1, and nothing looks like a stack trace.
 */
class LintE2E {
  private static final Path BROKEN = Path.of("src/test/resources/broken").toAbsolutePath();
  @TempDir Path home;

  static Stream<Path> brokenFiles() throws IOException {
    try (Stream<Path> s = Files.list(BROKEN)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("brokenFiles")
  void brokenFileGivesItsCodeWithPosition(Path file) throws Exception {
    String code = file.getFileName().toString().substring(0, 5);
    Jxe.Result r = new Jxe(home).run("lint", file.toString());

    assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
    assertThat(r.out()).containsPattern("(?m)^\\S+\\.yaml:\\d+:\\d+: error\\[" + code + "\\]: .+$");
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void jsonOutputCarriesEveryField() throws Exception {
    Jxe.Result r = new Jxe(home).run("lint", "-o", "json",
        BROKEN.resolve("JX101-unknown-key.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("errors").asInt()).isPositive();
    JsonNode d = null;
    for (JsonNode item : doc.get("diagnostics")) {
      if (item.get("code").asText().equals("JX101")) {
        d = item;
      }
    }
    assertThat(d).as(r.out()).isNotNull();
    assertThat(d.get("severity").asText()).isEqualTo("error");
    assertThat(d.get("field").asText()).isEqualTo("stages[0].step");
    assertThat(d.get("line").asInt()).isPositive();
    assertThat(d.get("column").asInt()).isPositive();
    assertThat(d.get("hint").asText()).contains("steps");
  }

  @Test
  void warningsFailOnlyWithStrict() throws Exception {
    Path file = Path.of("src/test/resources/warning-only.yaml").toAbsolutePath();
    Jxe jxe = new Jxe(home);
    Jxe.Result lenient = jxe.run("lint", file.toString());
    assertThat(lenient.exitCode()).as(lenient.all()).isZero();
    assertThat(lenient.out()).contains("warning[JX207]");
    Jxe.Result strict = jxe.run("lint", "--strict", file.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
  }

  @Test
  void cleanRepositoryLintsWithExitZero() throws Exception {
    Jxe.Result r = new Jxe(home).run("lint", "pipelines/examples/hello");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void fileOverOneMebibyteIsRefusedUnread() throws Exception {
    StringBuilder sb = new StringBuilder("stages:\n  - name: big\n    steps:\n");
    for (int i = 0; sb.length() <= 1024 * 1024; i++) {
      sb.append("      - name: step-").append(i).append("\n        run: echo ")
          .append("x".repeat(60)).append('\n');
    }
    Path big = home.resolve("big.yaml");
    Files.writeString(big, sb);
    Jxe.Result r = new Jxe(home).run("lint", big.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).containsPattern("big\\.yaml:1:1: error\\[JX002\\]");
  }

  @Test
  void missingPipelineIsADiagnosticNotACrash() throws Exception {
    Jxe.Result r = new Jxe(home).run("lint", home.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("error[JX001]");
  }
}
