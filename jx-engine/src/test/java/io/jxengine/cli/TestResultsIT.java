package io.jxengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test results on the activity, through real processes: {@code jxe run} of a pipeline whose
 * stage writes JUnit reports and declares them with {@code uses: junit} (the catalog step runs
 * {@code jxe step junit}), then {@code jxe get build tests} and {@code jxe get activities -o wide}.
 */
class TestResultsIT {
  @TempDir Path tmp;
  Path bin;
  Path app;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    bin = Files.createDirectories(tmp.resolve("bin"));
    Path jxe = bin.resolve("jxe");
    Files.writeString(jxe, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' "
        + Main.class.getName() + " \"$@\"\n");
    Files.setPosixFilePermissions(jxe, PosixFilePermissions.fromString("rwx------"));
    app = Files.createDirectories(tmp.resolve("app/fixtures"));
    for (String f : List.of("surefire-TEST-com.acme.CalculatorTest.xml", "pytest.xml", "malformed.xml")) {
      try (InputStream in = getClass().getResourceAsStream("/junit/" + f)) {
        Files.copy(in, app.resolve(f));
      }
    }
    app = app.getParent();
  }

  private Run jxe(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(bin.resolve("jxe").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("JXE_HOME", tmp.resolve("home").toString());
    pb.environment().put("JXE_CATALOG", Path.of("..", "pipelines", "catalog").toAbsolutePath().normalize().toString());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private void pipeline(String reports, String with) throws Exception {
    Files.createDirectories(app.resolve(".jx"));
    Files.writeString(app.resolve(".jx/pipeline.yaml"), """
        stages:
          - name: test
            steps:
              - name: unit
                run: |
                  mkdir -p target/surefire-reports
                  cp %s target/surefire-reports/
            post:
              always:
                - name: junit
                  uses: junit
                  with:
                    paths: "target/surefire-reports/*.xml"
        %s
        """.formatted(reports, with.indent(12).stripTrailing()));
  }

  @Test
  void failingTestsAreRecordedAndFailTheStep() throws Exception {
    pipeline("fixtures/surefire-TEST-com.acme.CalculatorTest.xml fixtures/pytest.xml", "");
    Run run = jxe("run", app.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);

    Run json = jxe("get", "build", "tests", "-o", "json");
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertThat(doc.at("/totals/tests").asInt()).isEqualTo(9);
    assertThat(doc.at("/totals/failures").asInt()).isEqualTo(2);
    assertThat(doc.at("/totals/errors").asInt()).isEqualTo(1);
    assertThat(doc.at("/totals/skipped").asInt()).isEqualTo(2);
    assertThat(doc.at("/reports/0/stage").asText()).isEqualTo("test");
    assertThat(doc.at("/reports/0/step").asText()).isEqualTo("junit");
    assertThat(doc.at("/reports/0/report/failed")).hasSize(3);

    Run text = jxe("get", "build", "tests");
    assertThat(text.out()).contains("test/junit", "dividesByZero", "test_refund",
        "at com.acme.CalculatorTest.dividesByZero(CalculatorTest.java:31)");

    Run wide = jxe("get", "activities", "-o", "wide");
    assertThat(wide.out()).contains("tests=9 failed=3 skipped=2");
    Run steps = jxe("get", "activities", "-o", "json");
    JsonNode junitStep = findStep(new ObjectMapper().readTree(steps.out()).get(0), "post: junit");
    assertThat(junitStep.get("status").asText()).isEqualTo("Failed");
    assertThat(junitStep.get("message").asText()).contains("9 tests, 3 failed");
  }

  @Test
  void allowFailuresRecordsWithoutFailing() throws Exception {
    pipeline("fixtures/pytest.xml", "allow_failures: \"true\"");
    Run run = jxe("run", app.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    Run json = jxe("get", "build", "tests", "-o", "json");
    assertThat(new ObjectMapper().readTree(json.out()).at("/totals/failures").asInt()).isEqualTo(1);
  }

  @Test
  void malformedReportFailsTheStepWithWhereAndRecordsNothing() throws Exception {
    pipeline("fixtures/malformed.xml", "");
    Run run = jxe("run", app.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out() + run.err()).contains("target/surefire-reports/malformed.xml:5:")
        .contains("error[JX901]").doesNotContain("Exception");
    Run tests = jxe("get", "build", "tests");
    assertThat(tests.exit()).isEqualTo(1);
    assertThat(tests.err()).contains("recorded no test results");
  }

  private static JsonNode findStep(JsonNode activity, String name) {
    for (JsonNode s : activity.get("steps")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no step " + name + " in " + activity);
  }
}
