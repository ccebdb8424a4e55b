package io.jxengine.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostics;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.parse.PipelineLocator;
import io.jxengine.parse.PipelineSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every catalog entry loads clean, and every example pipeline lints clean against the catalog. */
class CatalogAndExamplesTest {
  private static final Path CATALOG = Path.of("catalog");
  private static final Path EXAMPLES = Path.of("examples");

  @Test
  void everyCatalogEntryLoadsWithoutDiagnostics() throws IOException {
    Diagnostics diags = new Diagnostics();
    Catalog catalog = Catalog.load(List.of(CATALOG), diags);
    assertThat(diags.sorted()).isEmpty();
    long files;
    try (Stream<Path> s = Files.walk(CATALOG)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).count();
    }
    assertThat(catalog.entries()).hasSize((int) files);
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleLintsClean(Path example) {
    Catalog catalog = Catalog.load(List.of(CATALOG), new Diagnostics());
    List<PipelineSource> sources = PipelineLocator.find(example);
    assertThat(sources).as("pipelines in %s", example).isNotEmpty();
    for (PipelineSource s : sources) {
      LoadResult r = new PipelineLoader(catalog).load(s.file(), s.displayPath(), s.name());
      assertThat(r.diagnostics()).as("diagnostics of %s", s.file()).isEmpty();
      assertThat(r.effective()).isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleDeclaresItsExpectedStatus(Path example) throws IOException {
    Path expected = example.resolve("expected-status");
    assertThat(expected).exists();
    assertThat(Files.readString(expected).trim()).isIn("Succeeded", "Failed", "TimedOut");
  }
}
