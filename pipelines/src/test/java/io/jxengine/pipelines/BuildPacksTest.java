package io.jxengine.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.catalog.CatalogEntry;
import io.jxengine.catalog.CatalogParam;
import io.jxengine.compile.tekton.CompileResult;
import io.jxengine.compile.tekton.TektonCompiler;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.diag.Diagnostics;
import io.jxengine.engine.RunContext;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.fabric8.tekton.pipeline.v1.PipelineTask;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;

/**
 * Every build pack file and every catalog entry parses, lints clean and compiles to a Tekton
 * PipelineRun (catalog entries inside a one-stage pipeline that uses them, required parameters
 * filled in).
 */
class BuildPacksTest {
  static final Path CATALOG = Path.of("catalog");
  static final Path PACKS = Path.of("packs");
  static final List<String> KINDS = List.of("maven", "gradle", "nodejs", "go", "python");

  private final Catalog catalog = Catalog.load(List.of(CATALOG), new Diagnostics());
  private final PipelineLoader loader = new PipelineLoader(catalog);

  static RunContext release() {
    return new RunContext("acme", "app", "main", null, "push", "https://github.com/acme/app.git",
        "0123456789abcdef0123456789abcdef01234567", "feat: x", "dev", null, null, null, null,
        "1.2.3", "postsubmit", List.of("src/app"));
  }

  static Stream<Path> packFiles() throws IOException {
    try (Stream<Path> s = Files.walk(PACKS, 2)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void everyKindHasBothPipelinesAndASample() {
    for (String kind : KINDS) {
      assertThat(PACKS.resolve(kind).resolve("pullrequest.yaml")).isRegularFile();
      assertThat(PACKS.resolve(kind).resolve("release.yaml")).isRegularFile();
      assertThat(PACKS.resolve(kind).resolve("sample")).isDirectory();
    }
  }

  @ParameterizedTest
  @MethodSource("packFiles")
  void packLintsCleanAndCompilesToTekton(Path file) {
    String name = file.getFileName().toString().replace(".yaml", "");
    LoadResult r = loader.load(file, file.toString(), name);
    assertThat(r.diagnostics()).as("diagnostics of %s", file).isEmpty();
    compiles(r, file.toString());
    if (name.equals("release")) {
      // a release ends with the promotion
      var stages = r.effective().stages();
      assertThat(stages.get(stages.size() - 1).name()).isEqualTo("promote");
    }
  }

  static RunContext pullRequest() {
    return new RunContext("acme", "app", "feature", null, "pull_request",
        "https://github.com/acme/app.git", "0123456789abcdef0123456789abcdef01234567", "feat: x",
        "dev", 7, "Add x", "main", "fedcba9876543210fedcba9876543210fedcba98", "", "presubmit",
        null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"maven", "gradle", "nodejs", "go", "python"})
  void pullRequestPacksEndWithTheImageAndThePreviewWhereARegistryIsSet(String kind)
      throws IOException {
    Path file = PACKS.resolve(kind).resolve("pullrequest.yaml");
    String pack = Files.readString(file);
    LoadResult plain = loader.loadString(pack, file.toString(), "pullrequest");
    Stage last = plain.effective().stages().get(plain.effective().stages().size() - 1);
    assertThat(last.name()).isEqualTo("preview");
    assertThat(last.when().cluster()).isTrue();
    assertThat(last.when().env()).containsExactly("DOCKER_REGISTRY");
    assertThat(last.steps()).extracting(Step::name).containsExactly("container-image", "preview");
    // as imported: no registry, so even on a cluster the stage is left out, saying why
    CompileResult off = new TektonCompiler().compile(plain.effective(), pullRequest(), 3,
        TektonOptions.defaults());
    assertThat(off.skipped()).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("DOCKER_REGISTRY"));

    String enabled = pack.replace("    # env: {DOCKER_REGISTRY", "    env: {DOCKER_REGISTRY");
    assertThat(enabled).isNotEqualTo(pack);
    LoadResult on = loader.loadString(enabled, file.toString(), "pullrequest");
    assertThat(on.diagnostics()).isEmpty();
    CompileResult tekton = new TektonCompiler().compile(on.effective(), pullRequest(), 3,
        TektonOptions.defaults());
    assertThat(tekton.skipped()).isEmpty();
    PipelineTask preview = tekton.run().getSpec().getPipelineSpec().getTasks().stream()
        .filter(t -> t.getName().equals("preview")).findFirst().orElseThrow();
    assertThat(preview.getTaskSpec().getSteps()).extracting(s -> s.getImage())
        .containsExactly(TektonOptions.KANIKO_IMAGE, previewImage());
  }

  static String previewImage() {
    return Catalog.load(List.of(CATALOG), new Diagnostics()).entries().stream()
        .filter(e -> e.name().equals("preview")).findFirst().orElseThrow()
        .step().image();
  }

  static Stream<CatalogEntry> entries() {
    return Catalog.load(List.of(CATALOG), new Diagnostics()).entries().stream();
  }

  @ParameterizedTest
  @MethodSource("entries")
  void catalogEntryCompilesToTekton(CatalogEntry entry) {
    String with = entry.params().stream().filter(CatalogParam::required)
        .map(p -> "\n        " + p.name() + ": example")
        .collect(Collectors.joining());
    String yaml = entry.isStep()
        ? "stages:\n  - name: s\n    steps:\n      - uses: " + entry.name()
            + (with.isEmpty() ? "" : "\n        with:" + with.replace("\n        ", "\n          ")) + "\n"
        : "stages:\n  - name: s\n    uses: " + entry.name()
            + (with.isEmpty() ? "" : "\n    with:" + with.replace("\n        ", "\n      ")) + "\n";
    LoadResult r = loader.loadString(yaml, entry.name() + ".yaml", "uses-" + entry.name());
    assertThat(r.diagnostics()).as("diagnostics of a pipeline using %s:\n%s", entry.name(), yaml).isEmpty();
    compiles(r, entry.name());
  }

  private static void compiles(LoadResult r, String what) {
    CompileResult tekton = new TektonCompiler().compile(r.effective(), release(), 7, TektonOptions.defaults());
    assertThat(tekton.ok()).as("%s compiles to Tekton: %s", what, tekton.diagnostics()).isTrue();
    assertThat(tekton.run().getSpec().getPipelineSpec().getTasks()).isNotEmpty();
  }
}
