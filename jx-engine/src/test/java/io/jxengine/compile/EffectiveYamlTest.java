package io.jxengine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import org.junit.jupiter.api.Test;

class EffectiveYamlTest {
  private final PipelineLoader loader = new PipelineLoader(Catalog.empty());

  private Pipeline load(String yaml) {
    LoadResult r = loader.loadString(yaml, "p.yaml", "default");
    assertThat(r.diagnostics()).isEmpty();
    return r.effective();
  }

  @Test
  void writesDefaultsAndKeepsTrickyValuesAsStrings() {
    String out =
        EffectiveYaml.write(
            load(
                """
                env: {N: 8080, B: yes, E: "", C: "a: b", H: "#x", S: "*star"}
                stages:
                  - name: a
                    steps:
                      - run: "echo one\\necho two\\n"
                      - run: "trailing space \\nnext"
                """));
    assertThat(out).contains("name: default").contains("- name: step-1").contains("- name: step-2");
    assertThat(out).contains("run: |");
    Pipeline again = load(out);
    assertThat(again.env()).extracting(e -> e.name() + "=" + e.value())
        .containsExactly("N=8080", "B=yes", "E=", "C=a: b", "H=#x", "S=*star");
    assertThat(again.stages().get(0).steps().get(0).run()).isEqualTo("echo one\necho two\n");
    assertThat(again.stages().get(0).steps().get(1).run()).isEqualTo("trailing space \nnext");
    assertThat(EffectiveYaml.write(again)).isEqualTo(out);
  }

  @Test
  void keepsAnEmptyNeedsSoTheStagesStayADag() {
    Pipeline p = load("stages:\n  - name: a\n    needs: []\n    steps: [{run: x}]\n");
    String out = EffectiveYaml.write(p);
    assertThat(out).contains("needs: []");
    assertThat(load(out).isDag()).isTrue();
  }
}
