package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.compile.EffectiveYaml;
import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostic;
import io.jxengine.model.Step;
import io.jxengine.model.Volume;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster-only step keys {@code privileged} and {@code volumes}. */
class StepVolumesTest {
  private final PipelineParser parser = new PipelineParser();

  private ParseResult parse(String steps) {
    return parser.parse("stages:\n  - name: a\n    steps:\n" + steps, "pipeline.yaml", "release");
  }

  @Test
  void readsPrivilegedAndVolumesWithTheirLines() {
    ParseResult r = parse("""
              - name: s
                run: x
                privileged: true
                volumes:
                  - secret: creds
                    path: /kaniko/.docker
                  - hostPath: /var/run
                    path: /host
        """);
    assertThat(r.diagnostics()).isEmpty();
    Step s = r.pipeline().stages().get(0).steps().get(0);
    assertThat(s.privileged()).isTrue();
    assertThat(s.volumes()).extracting(Volume::secret, Volume::hostPath, Volume::path, v -> v.pos().line())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("creds", null, "/kaniko/.docker", 8),
            org.assertj.core.groups.Tuple.tuple(null, "/var/run", "/host", 10));
  }

  @Test
  void shapeMistakesAreDiagnostics() {
    ParseResult r = parse("""
              - run: x
                privileged: yes please
                volumes:
                  - {secret: a, hostPath: /b, path: /c}
                  - {secret: a}
                  - {secret: a, path: relative}
                  - {path: /only}
                  - {secret: a, path: /p, size: 1}
        """);
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactlyInAnyOrder(
            Code.WRONG_TYPE, Code.CONFLICTING_FIELDS, Code.MISSING_FIELD, Code.INVALID_VALUE,
            Code.MISSING_FIELD, Code.UNKNOWN_KEY);
  }

  @Test
  void theEffectiveYamlKeepsThem() {
    ParseResult r = parse("""
              - run: x
                privileged: true
                volumes:
                  - {secret: creds, path: /creds}
        """);
    String yaml = EffectiveYaml.write(r.pipeline());
    assertThat(yaml).contains("privileged: true").contains("secret: creds");
    Step again = parser.parse(yaml, "e.yaml", "release").pipeline().stages().get(0).steps().get(0);
    assertThat(again.privileged()).isTrue();
    assertThat(again.volumes()).extracting(Volume::secret).isEqualTo(List.of("creds"));
  }
}
