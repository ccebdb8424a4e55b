package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Diagnostics;
import io.jxengine.model.EnvVar;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

class NodeReaderTest {
  private final Diagnostics diags = new Diagnostics();
  private final NodeReader r = new NodeReader("f.yaml", diags);

  private static Node node(String yaml) {
    return new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
  }

  private List<String> fields() {
    return diags.sorted().stream().map(d -> d.code().id() + " " + d.field()).toList();
  }

  @Test
  void envKeepsScalarsAsWrittenAndRejectsStructures() {
    List<EnvVar> env = r.env(node("A: 010\nB: on\nC: 1.50\nD:\nE: [x]\nA: again\n"), "env");
    assertThat(env).extracting(e -> e.name() + "=" + e.value()).containsExactly("A=010", "B=on", "C=1.50", "D=");
    assertThat(env.get(0).pos().line()).isEqualTo(1);
    assertThat(fields()).containsExactly("JX102 env.E", "JX004 env.A");
  }

  @Test
  void integersAcceptOnlyWholeNumbers() {
    assertThat(r.integer(node("1_000"), "n")).isEqualTo(1000);
    assertThat(r.integer(node("'3'"), "n")).isNull();
    assertThat(r.integer(node("1.5"), "n")).isNull();
    assertThat(r.integer(node("99999999999"), "n")).isNull();
    assertThat(r.integer(node("~"), "n")).isNull();
    assertThat(diags.sorted()).hasSize(3).allSatisfy(d -> assertThat(d.code().id()).isEqualTo("JX102"));
  }

  @Test
  void fieldsReportUnknownAndDuplicateKeysButKeepTheFirst() {
    Fields f = r.fields(node("name: a\nnmae: b\nname: c\n"), "stages[0]", "a stage", Keys.STAGE);
    assertThat(f.string("name")).isEqualTo("a");
    assertThat(f.keyPos("name").line()).isEqualTo(1);
    assertThat(f.has("steps")).isFalse();
    assertThat(fields()).containsExactly("JX101 stages[0].nmae", "JX004 stages[0].name");
  }

  @Test
  void describesWhatWasFound() {
    assertThat(NodeReader.describe(node("[a]"))).isEqualTo("a list");
    assertThat(NodeReader.describe(node("{a: b}"))).isEqualTo("a mapping");
    assertThat(NodeReader.describe(node("true"))).isEqualTo("a boolean");
    assertThat(NodeReader.describe(node("12"))).isEqualTo("a number");
    assertThat(NodeReader.describe(node("x"))).isEqualTo("a string");
    assertThat(NodeReader.describe(node("~"))).isEqualTo("empty");
  }
}
