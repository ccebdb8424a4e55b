package io.jxengine.jenkins.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.compile.EffectiveYaml;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Severity;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code convert/<case>/Jenkinsfile} → {@code expected.yaml} (what {@code jxe convert} writes)
 * and {@code expected-diagnostics.txt} (its review report). A case named {@code *-fails} must
 * have errors and has no YAML. Every converted pipeline must load with the native loader without
 * errors or warnings, and parse back to the same pipeline. {@code -Dgolden.update=true}
 * rewrites the expected files; {@code -Dgolden.case=<name>} runs one case.
 */
class GoldenConvertTest {
  private static final Path ROOT = Path.of("src", "test", "resources", "convert");
  private final JenkinsfileConverter converter = new JenkinsfileConverter();
  /** The built-in catalog: converted `junit` steps use its `junit` entry. */
  private final PipelineLoader loader = new PipelineLoader(
      Catalog.load(List.of(Path.of("..", "pipelines", "catalog")), new io.jxengine.diag.Diagnostics()));

  @TestFactory
  Stream<DynamicTest> convertCases() {
    return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path dir) throws IOException {
    String text = Files.readString(dir.resolve("Jenkinsfile"), StandardCharsets.UTF_8);
    ConvertResult r = converter.convert(text, "Jenkinsfile");
    compare(dir.resolve("expected-diagnostics.txt"), ConvertedYaml.report(r.diagnostics()));
    if (dir.getFileName().toString().endsWith("-fails")) {
      assertThat(r.hasErrors()).as("a -fails case must have errors").isTrue();
      assertThat(dir.resolve("expected.yaml")).doesNotExist();
      return;
    }
    assertThat(r.hasErrors()).as("errors in an ok case: %s", r.diagnostics()).isFalse();
    String yaml = ConvertedYaml.yaml(r, "Jenkinsfile");
    compare(dir.resolve("expected.yaml"), yaml);
    LoadResult back = loader.loadString(yaml, ".jx/pipeline.yaml", "default");
    List<Diagnostic> findings =
        back.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList();
    assertThat(findings).as("the converted pipeline must lint clean").isEmpty();
    assertThat(EffectiveYaml.write(back.source()))
        .as("parses back to the same pipeline")
        .isEqualTo(EffectiveYaml.write(r.pipeline()));
  }

  static List<Path> cases() {
    String only = System.getProperty("golden.case", "");
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory)
          .filter(d -> only.isEmpty() || d.getFileName().toString().equals(only))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compare(Path expected, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(expected).as("missing %s; run with -Dgolden.update=true", expected).exists();
    assertThat(actual).as("%s (regenerate with -Dgolden.update=true)", expected)
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n"));
  }
}
