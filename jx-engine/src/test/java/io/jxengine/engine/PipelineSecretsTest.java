package io.jxengine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostics;
import io.jxengine.logs.SecretValueMasker;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.parse.PipelineParser;
import io.jxengine.secrets.SecretProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which secrets a run resolves, and the values the engine masks besides secrets ({@code JXE_MASK}). */
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

  private static Pipeline parse(String yaml) {
    return new PipelineParser().parse(yaml, ".jx/pipeline.yaml", "default").pipeline();
  }

  @Test
  void variablesNamedByJxeMaskAreMasked() {
    Pipeline p = parse("""
        env:
          TARGET: prod
          DEPLOY_TOKEN: s3cr3t-t0ken
          EMPTY: ""
          JXE_MASK: DEPLOY_TOKEN, EMPTY,MISSING
        stages:
          - name: deploy
            steps: [{run: ./deploy.sh}]
        """);
    assertThat(PipelineSecrets.maskedEnv(p)).containsExactly("s3cr3t-t0ken");
    assertThat(new SecretValueMasker(PipelineSecrets.maskedEnv(p)).mask("to prod with s3cr3t-t0ken"))
        .isEqualTo("to prod with ***");
  }

  @Test
  void withoutJxeMaskNothingIsMasked() {
    assertThat(PipelineSecrets.maskedEnv(parse("""
        env: {TARGET: prod}
        stages: [{name: a, steps: [{run: "true"}]}]
        """))).isEmpty();
  }
}
