package io.jxengine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Diagnostics;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file of {@code pipelines/catalog} parses, resolves and lints clean. */
class BuiltInCatalogTest {
  private static final Path ROOT = Path.of("..", "pipelines", "catalog");

  @Test
  void everyFileLoadsWithoutFindings() throws IOException {
    Diagnostics diags = new Diagnostics();
    Catalog catalog = Catalog.load(List.of(ROOT), diags);
    assertThat(diags.sorted()).isEmpty();
    long files;
    try (Stream<Path> s = Stream.concat(Files.list(ROOT.resolve("steps")), Files.list(ROOT.resolve("stages")))) {
      files = s.count();
    }
    assertThat(catalog.entries()).hasSize((int) files);
    assertThat(catalog.entries())
        .extracting(CatalogEntry::name)
        .contains("git-clone", "maven-build", "npm-test", "shell", "git-tag", "sleep", "maven-verify", "node-ci");
    assertThat(catalog.entries()).allSatisfy(e -> assertThat(e.description()).isNotBlank());
  }

  @Test
  void everyEntryResolvesAndLintsCleanInAPipeline() {
    Catalog catalog = Catalog.load(List.of(ROOT), new Diagnostics());
    PipelineLoader loader = new PipelineLoader(catalog);
    for (CatalogEntry e : catalog.entries()) {
      String with =
          e.params().stream()
              .filter(CatalogParam::required)
              .map(p -> p.name() + ": value")
              .collect(Collectors.joining(", ", "{", "}"));
      String yaml =
          e.isStep()
              ? "stages:\n  - name: s\n    steps:\n      - uses: " + e.name() + "\n        with: " + with + "\n"
              : "stages:\n  - name: s\n    uses: " + e.name() + "\n    with: " + with + "\n";
      LoadResult r = loader.loadString(yaml, "p.yaml", "default");
      assertThat(r.diagnostics()).as(e.name()).isEmpty();
      assertThat(r.effective().stages().get(0).steps())
          .as(e.name())
          .isNotEmpty()
          .allSatisfy(st -> assertThat(st.run()).isNotBlank());
    }
  }
}
