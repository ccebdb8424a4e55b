package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs meant to break the parser end as diagnostics, never as exceptions or hangs. */
class HostileInputTest {
  private final PipelineParser parser = new PipelineParser();

  private List<String> codes(String yaml) {
    return parser.parse(yaml, "p.yaml", "default").diagnostics().stream().map(d -> d.code().id()).toList();
  }

  @Test
  void recursiveAliasesAreJustWrongTypes() {
    assertThat(codes("stages: &s [*s]\n")).containsOnly("JX102");
    assertThat(codes("env: &e {X: *e}\nstages: [{name: a, steps: [{run: x}]}]\n")).containsOnly("JX102");
  }

  @Test
  void deepNestingIsRefused() {
    assertThat(codes("stages: " + "[".repeat(200) + "]".repeat(200) + "\n")).containsExactly("JX003");
  }

  @Test
  void mergeKeysAndComplexKeysAreReportedNotApplied() {
    assertThat(codes("base: &b {run: x}\nstages: [{name: a, steps: [{<<: *b}]}]\n")).contains("JX101");
    assertThat(codes("? [a, b]\n: c\nstages: []\n")).containsExactly("JX102");
  }

  @Test
  void multipleDocumentsAreMalformed() {
    assertThat(codes("stages: []\n---\nstages: []\n")).containsExactly("JX003");
  }

  @Test
  void invalidUtf8IsReported(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("p.yaml");
    Files.write(f, new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThat(parser.parseFile(f, "p.yaml", "d").diagnostics()).extracting(d -> d.code().id()).containsExactly("JX003");
  }

  @Test
  void byteOrderMarkAndTabsAreHandled() {
    assertThat(codes("\uFEFFstages: [{name: a, steps: [{run: x}]}]\n")).isEmpty();
    assertThat(codes("stages:\n\t- name: a\n")).containsExactly("JX003");
  }
}
