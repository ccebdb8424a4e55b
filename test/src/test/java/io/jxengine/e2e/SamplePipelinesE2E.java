package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample in pipelines/examples runs through ./jxe and ends as its expected-status says. */
class SamplePipelinesE2E {
  @TempDir Path home;

  static Stream<String> examples() throws IOException {
    try (Stream<Path> s = Files.list(Jxe.ROOT.resolve("pipelines/examples"))) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void sampleEndsAsExpected(String name) throws Exception {
    Path dir = Jxe.ROOT.resolve("pipelines/examples").resolve(name);
    String expected = Files.readString(dir.resolve("expected-status")).trim();
    List<String> args = new ArrayList<>(List.of("run", "pipelines/examples/" + name));
    if (Files.exists(dir.resolve("test-secrets.yaml"))) {
      args.add("--secrets-file");
      args.add(dir.resolve("test-secrets.yaml").toString());
    }
    Jxe jxe = new Jxe(home);
    Jxe.Result run = jxe.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.all()).isEqualTo(expected.equals("Succeeded") ? 0 : 1);
    assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");

    Jxe.Result get = jxe.run("get", "activities", "-o", "json");
    assertThat(get.exitCode()).as(get.all()).isZero();
    JsonNode activities = new ObjectMapper().readTree(get.out());
    assertThat(activities).hasSize(1);
    assertThat(activities.get(0).get("status").asText()).isEqualTo(expected);
    assertThat(activities.get(0).get("context").asText()).isEqualTo(name);
  }
}
