package io.jxengine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.logs.SecretValueMasker;
import io.jxengine.model.Pipeline;
import io.jxengine.parse.PipelineParser;
import org.junit.jupiter.api.Test;

/** Values the engine masks besides secrets: the pipeline variables {@code JXE_MASK} names. */
class PipelineSecretsTest {
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
