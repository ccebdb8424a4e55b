package io.jxengine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  @TempDir Path dir;

  private Path write(String rel, String text) throws Exception {
    Path f = dir.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private static List<String> codes(Diagnostics d) {
    return d.sorted().stream().map(x -> x.code().id()).toList();
  }

  @Test
  void loadsStepsAndStagesWithParams() throws Exception {
    write("a/steps/hello.yaml", "kind: Step\ndescription: hi\nparams:\n  - name: who\n  - name: how\n    default: ''\nstep:\n  run: echo hi\n");
    write("a/stages/ci.yaml", "kind: Stage\nstage:\n  steps:\n    - run: make\n");
    Diagnostics d = new Diagnostics();
    Catalog c = Catalog.load(List.of(dir.resolve("a")), d);
    assertThat(d.isEmpty()).isTrue();
    CatalogEntry hello = c.step("hello").orElseThrow();
    assertThat(hello.isStep()).isTrue();
    assertThat(hello.step().name()).isEqualTo("hello");
    assertThat(hello.params()).extracting(CatalogParam::required).containsExactly(true, false);
    assertThat(hello.params().get(1).defaultValue()).isEmpty();
    assertThat(c.stage("ci").orElseThrow().stage().name()).isEqualTo("ci");
    assertThat(c.step("ci")).isEmpty();
    assertThat(c.entries()).extracting(CatalogEntry::name).containsExactly("hello", "ci");
  }

  @Test
  void laterRootsOverrideEarlierOnes() throws Exception {
    write("builtin/steps/build.yaml", "kind: Step\nstep:\n  run: make\n");
    write("repo/steps/build.yaml", "kind: Step\nstep:\n  run: make all\n");
    Catalog c = Catalog.load(List.of(dir.resolve("builtin"), dir.resolve("repo"), dir.resolve("missing")), new Diagnostics());
    assertThat(c.step("build").orElseThrow().step().run()).isEqualTo("make all");
  }

  @Test
  void brokenEntriesAreReportedInTheirFileAndSkipped() throws Exception {
    Path bad = write("a/steps/bad.yaml", "kind: Step\nstep:\n  run: x\n  uses: y\n");
    write("a/steps/wrong-kind.yaml", "kind: Stage\nstage:\n  steps: [{run: x}]\n");
    write("a/steps/renamed.yaml", "kind: Step\nname: other\nstep: {run: x}\n");
    write("a/stages/nosteps.yaml", "kind: Stage\nparams: [{description: x}]\n");
    write("a/steps/good.yaml", "kind: Step\nstep: {run: x}\n");
    Diagnostics d = new Diagnostics();
    Catalog c = Catalog.load(List.of(dir.resolve("a")), d);
    assertThat(c.entries()).extracting(CatalogEntry::name).containsExactly("good");
    assertThat(codes(d)).filteredOn("JX304"::equals).hasSize(4);
    Diagnostic unknown = d.sorted().stream().filter(x -> x.code().id().equals("JX101")).findFirst().orElseThrow();
    assertThat(unknown.pos().file()).isEqualTo(bad.toString());
    assertThat(unknown.pos().line()).isEqualTo(4);
    assertThat(codes(d)).contains("JX106", "JX103");
  }

  @Test
  void duplicateParamNamesTheFirstOnesLine() throws Exception {
    write("a/steps/dup.yaml", "kind: Step\nparams:\n  - name: x\n  - name: x\nstep: {run: x}\n");
    Diagnostics d = new Diagnostics();
    Catalog.load(List.of(dir.resolve("a")), d);
    Diagnostic dup = d.sorted().stream().filter(x -> x.code().id().equals("JX004")).findFirst().orElseThrow();
    assertThat(dup.pos().line()).isEqualTo(4);
    assertThat(dup.message()).contains("line 3");
  }

  @Test
  void emptyCatalogHasNothing() {
    assertThat(Catalog.empty().entries()).isEmpty();
    assertThat(Catalog.empty().step("x")).isEmpty();
  }
}
