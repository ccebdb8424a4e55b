package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in {@code docs/pipeline-syntax.md} are valid: the doc is the format's contract. */
class SyntaxDocTest {
  private static final Path DOC = Path.of("..", "docs", "pipeline-syntax.md");

  private static List<String> yamlBlocks() throws Exception {
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void completeExampleLoadsCleanWithTheBuiltInCatalog() throws Exception {
    Catalog catalog = Catalog.load(List.of(Path.of("..", "pipelines", "catalog")), new Diagnostics());
    LoadResult r = new PipelineLoader(catalog).loadString(yamlBlocks().get(0), "pipeline.yaml", "default");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.effective().name()).isEqualTo("release");
  }

  @Test
  void catalogEntryExampleLoadsClean(@TempDir Path root) throws Exception {
    String entry = yamlBlocks().stream().filter(b -> b.startsWith("kind: Step")).findFirst().orElseThrow();
    Files.createDirectories(root.resolve("steps"));
    Files.writeString(root.resolve("steps/maven-build.yaml"), entry);
    Diagnostics diags = new Diagnostics();
    Catalog c = Catalog.load(List.of(root), diags);
    assertThat(diags.sorted()).isEmpty();
    assertThat(c.step("maven-build")).isPresent();
  }
}
