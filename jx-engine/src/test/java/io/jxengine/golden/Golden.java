package io.jxengine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden-directory support: {@code src/test/resources/golden/<suite>/<case>/} holds an input and
 * an expected file. {@code -Dgolden.update=true} rewrites the expected files from the actual
 * output; {@code -Dgolden.case=<name>} runs one case. A case named {@code *-fails} must fail.
 */
public final class Golden {
  /** Relative to the module directory, where Maven runs tests; keeps paths in output stable. */
  public static final Path ROOT = Path.of("src", "test", "resources", "golden");
  public static final Path BUILT_IN_CATALOG = Path.of("..", "pipelines", "catalog");

  private Golden() {}

  /** The case directories of a suite, sorted, filtered by {@code -Dgolden.case}. */
  public static List<Path> cases(String suite) {
    String only = System.getProperty("golden.case", "");
    try (Stream<Path> dirs = Files.list(ROOT.resolve(suite))) {
      return dirs.filter(Files::isDirectory)
          .filter(d -> only.isEmpty() || d.getFileName().toString().equals(only))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean mustFail(Path caseDir) {
    return caseDir.getFileName().toString().endsWith("-fails");
  }

  /** The built-in catalog overlaid with the golden test catalog; it must load without findings. */
  public static Catalog catalog() {
    Diagnostics diags = new Diagnostics();
    Catalog c = Catalog.load(List.of(BUILT_IN_CATALOG, ROOT.resolve("catalog")), diags);
    assertThat(diags.sorted()).isEmpty();
    return c;
  }

  /** Compiler-style lines plus {@code   hint: ...} lines, one diagnostic after another. */
  public static String format(List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      sb.append(d.format()).append('\n');
      if (!d.hint().isEmpty()) {
        sb.append("  hint: ").append(d.hint()).append('\n');
      }
    }
    return sb.toString();
  }

  /** Compares with (or, when updating, writes) the expected file. */
  public static void check(Path expectedFile, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(expectedFile).as("missing %s; run with -Dgolden.update=true", expectedFile).exists();
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertThat(actual).as("%s (regenerate with -Dgolden.update=true)", expectedFile).isEqualTo(expected);
  }
}
