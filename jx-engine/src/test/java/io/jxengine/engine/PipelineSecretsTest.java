package io.jxengine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.secrets.SecretProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineSecretsTest {
  static final String YAML = """
      stages:
        - name: build
          steps:
            - run: echo build
        - name: preview
          when:
            cluster: true
          secrets:
            - env: KUBE
              secret: jxe-cluster
              key: kubeconfig
          steps:
            - run: echo preview
      """;
  final SecretProvider secrets =
      (name, key) -> name.equals("jxe-cluster") ? Optional.of("apiVersion: v1") : Optional.empty();
  final RunContext pr = new RunContext("acme", "web", "PR-7", null, "pull_request", null, "abc", "m",
      "jane", 7, "t", "main", "def", null, "presubmit", null);

  Pipeline pipeline() {
    return new PipelineLoader(Catalog.empty()).loadString(YAML, ".jx/pipeline.yaml", "pr").effective();
  }

  @Test
  void aStageThatRunsBecauseTheEngineHasAClusterGetsItsSecrets() {
    Diagnostics diags = new Diagnostics();

    Map<String, String> values = PipelineSecrets.resolve(pipeline(), pr, true, secrets, diags);

    assertThat(diags.hasErrors()).isFalse();
    assertThat(values).containsEntry("jxe-cluster/kubeconfig", "apiVersion: v1");
  }

  @Test
  void withoutAClusterTheStageIsSkippedAndItsSecretsAreNotAskedFor() {
    Diagnostics diags = new Diagnostics();
    SecretProvider none = (name, key) -> Optional.empty();

    Map<String, String> values = PipelineSecrets.resolve(pipeline(), pr, false, none, diags);

    assertThat(diags.hasErrors()).isFalse();
    assertThat(values).isEmpty();
  }
}
