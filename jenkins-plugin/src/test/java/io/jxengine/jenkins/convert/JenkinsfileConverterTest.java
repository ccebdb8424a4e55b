package io.jxengine.jenkins.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostic;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converter's guarantees that golden files do not show: safety, positions, limits. */
class JenkinsfileConverterTest {
  private final JenkinsfileConverter converter = new JenkinsfileConverter();

  private static List<Code> codes(ConvertResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void userGroovyIsNeverExecuted(@TempDir Path dir) {
    Path marker = dir.resolve("executed");
    String text = """
        @Grab('org.example:evil:1.0')
        import groovy.transform.Field
        new File('%s').text = 'ran'
        pipeline {
          agent any
          stages { stage('a') { steps { sh "${new File('%s').text = 'ran'}" } } }
        }
        """.formatted(marker, marker);
    ConvertResult r = converter.convert(text, "Jenkinsfile");
    assertThat(marker).doesNotExist();
    assertThat(codes(r)).contains(Code.UNSUPPORTED_EXPRESSION);
    assertThat(r.hasErrors()).isTrue();
  }

  @Test
  void invalidGroovyGivesLineAndColumnAndNoPipeline() {
    ConvertResult r = converter.convert("pipeline {\n  agent any\n  stages { stage('x') { steps { sh 'oops } } }\n}\n", "Jenkinsfile");
    assertThat(r.pipeline()).isNull();
    assertThat(codes(r)).containsExactly(Code.GROOVY_SYNTAX);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.pos().file()).isEqualTo("Jenkinsfile");
    assertThat(d.pos().line()).isEqualTo(3);
    assertThat(d.pos().column()).isEqualTo(36); // the opening quote
  }

  @Test
  void oversizedFileIsRefusedBeforeParsing() {
    String big = "// " + "x".repeat(GroovySource.MAX_BYTES) + "\npipeline { agent any }\n";
    ConvertResult r = converter.convert(big, "Jenkinsfile");
    assertThat(r.pipeline()).isNull();
    assertThat(codes(r)).containsExactly(Code.FILE_TOO_LARGE);
  }

  @Test
  void deeplyNestedInputIsRefusedBeforeParsing() {
    String deep = "pipeline { agent any\n stages { stage('a') { steps { sh 'x' } } }\n}\ndef x = " + "[".repeat(20000) + "]".repeat(20000) + "\n";
    ConvertResult r = converter.convert(deep, "Jenkinsfile");
    assertThat(r.pipeline()).isNull();
    assertThat(codes(r)).containsExactly(Code.GROOVY_SYNTAX);
    assertThat(r.diagnostics().get(0).pos().line()).isEqualTo(4);
  }

  @Test
  void stagesKeepTheirOrderAndTheirPositions() {
    String text = """
        pipeline {
          agent any
          stages {
            stage('Zeta') { steps { sh 'z' } }
            stage('Alpha') { steps { sh 'a' } }
          }
        }
        """;
    Pipeline p = converter.convert(text, "ci/Jenkinsfile").pipeline();
    assertThat(p.source()).isEqualTo("jenkinsfile");
    assertThat(p.stages()).extracting(Stage::name).containsExactly("zeta", "alpha");
    assertThat(p.stages().get(1).pos().line()).isEqualTo(5);
    assertThat(p.stages().get(1).pos().file()).isEqualTo("ci/Jenkinsfile");
    assertThat(p.stages().get(1).steps().get(0).pos().line()).isEqualTo(5);
    assertThat(p.stages()).allMatch(s -> s.needs() == null);
  }

  @Test
  void anInputBecomesAnApprovalGateBeforeTheStagesSteps() {
    String text = """
        pipeline {
          agent any
          stages {
            stage('deploy') {
              when { branch 'main' }
              input { message 'Ship it?'; ok 'Ship'; submitter 'alice,ops-team' }
              steps { sh './deploy' }
            }
            stage('verify') {
              steps {
                input(message: 'Verified?', parameters: [string(name: 'WHO')])
                sh './verify'
              }
            }
          }
        }
        """;
    ConvertResult r = converter.convert(text, "Jenkinsfile");
    // only the parameters, which a gate cannot ask, are reported
    assertThat(codes(r)).containsExactly(Code.INPUT_GATE);
    Stage deploy = r.pipeline().stages().get(0);
    assertThat(deploy.when().branches()).containsExactly("main");
    assertThat(deploy.when().events()).isEmpty();
    assertThat(deploy.steps().get(0).approval()).satisfies(a -> {
      assertThat(a.message()).isEqualTo("Ship it?");
      assertThat(a.ok()).isEqualTo("Ship");
      assertThat(a.submitters()).containsExactly("alice", "ops-team");
    });
    assertThat(deploy.steps().get(1).run()).isEqualTo("./deploy");
    Stage verify = r.pipeline().stages().get(1);
    assertThat(verify.when()).isNull();
    assertThat(verify.steps().get(0).approval().message()).isEqualTo("Verified?");
    assertThat(verify.steps().get(0).approval().submitters()).isEmpty();
  }

  @Test
  void sameNamesAfterSlugsAreMadeUnique() {
    String text = """
        pipeline {
          agent any
          stages {
            stage('Build & Test') { steps { sh 'a' } }
            stage('build-test') { steps { sh 'b' } }
          }
        }
        """;
    ConvertResult r = converter.convert(text, "Jenkinsfile");
    assertThat(r.pipeline().stages()).extracting(Stage::name).containsExactly("build-test", "build-test-2");
    assertThat(codes(r)).containsExactly(Code.RENAMED, Code.RENAMED);
  }

  @Test
  void aMatrixExpandsIntoCellsMinusExcludes() {
    String text = """
        pipeline {
          agent any
          stages {
            stage('t') {
              matrix {
                axes {
                  axis { name 'A'; values '1', '2', '3' }
                  axis { name 'B'; values 'x', 'y' }
                }
                excludes { exclude { axis { name 'A'; values '2' }; axis { name 'B'; values 'y' } } }
                stages { stage('run') { steps { sh 'echo $A$B' } } }
              }
            }
          }
        }
        """;
    ConvertResult r = converter.convert(text, "Jenkinsfile");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.pipeline().stages()).extracting(Stage::name)
        .containsExactly("t-1-x-run", "t-1-y-run", "t-2-x-run", "t-3-x-run", "t-3-y-run");
    assertThat(r.pipeline().stages()).allMatch(s -> s.needs() != null && s.needs().isEmpty());
  }

  @Test
  void unsupportedExpressionInWhenIsReportedAtItsPosition() {
    String text = """
        pipeline {
          agent any
          stages {
            stage('a') {
              when { expression { currentBuild.previousBuild == null } }
              steps { sh 'a' }
            }
          }
        }
        """;
    ConvertResult r = converter.convert(text, "Jenkinsfile");
    assertThat(codes(r)).containsExactly(Code.UNSUPPORTED_EXPRESSION);
    assertThat(r.diagnostics().get(0).pos().line()).isEqualTo(5);
  }

  @Test
  void scriptedPipelinesConvertTheirStagesWithAWarning(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x"), "");
    ConvertResult r = converter.convert("node {\n  stage('a') { sh 'make' }\n  stage('b') { bat 'x' }\n}\n", "Jenkinsfile");
    assertThat(codes(r)).containsExactly(Code.SCRIPTED_PIPELINE, Code.UNSUPPORTED_STEP);
    assertThat(r.pipeline().stages()).extracting(Stage::name).containsExactly("a", "b");
  }
}
