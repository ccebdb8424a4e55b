package io.jxengine.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JobConfigParserTest {
  private static JobConfig parse(String xml) {
    return JobConfigParser.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void freestyleShellBuildersParametersAndWarnings() {
    JobConfig c = parse(Fixtures.job("freestyle.xml"));
    assertThat(c.kind()).isEqualTo(JobConfig.Kind.FREESTYLE);
    assertThat(c.shellCommands()).containsExactly("echo \"$GREETING in $COLOUR\"", "echo second");
    assertThat(c.parameters()).extracting(JobConfig.Parameter::name)
        .containsExactly("GREETING", "COLOUR");
    assertThat(c.parameters().get(1).choices()).containsExactly("red", "green");
    assertThat(c.parameters().get(1).defaultValue()).isEqualTo("red");
    assertThat(c.warnings()).anyMatch(w -> w.contains("com.example.Unknown"))
        .anyMatch(w -> w.contains("publishers/hudson.tasks.Mailer"))
        .noneMatch(w -> w.contains("buildWrappers"));
  }

  @Test
  void pipelineFromGitAndInline() {
    JobConfig scm = parse("""
        <flow-definition>
          <definition class="org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition">
            <scm class="hudson.plugins.git.GitSCM">
              <userRemoteConfigs><hudson.plugins.git.UserRemoteConfig>
                <url>https://example.com/r.git</url>
              </hudson.plugins.git.UserRemoteConfig></userRemoteConfigs>
              <branches><hudson.plugins.git.BranchSpec><name>*/develop</name>
              </hudson.plugins.git.BranchSpec></branches>
            </scm>
            <scriptPath>ci/Jenkinsfile</scriptPath>
          </definition>
        </flow-definition>""");
    assertThat(scm.kind()).isEqualTo(JobConfig.Kind.PIPELINE);
    assertThat(scm.git()).isEqualTo(new JobConfig.GitSource("https://example.com/r.git", "develop"));
    assertThat(scm.scriptPath()).isEqualTo("ci/Jenkinsfile");

    JobConfig inline = parse("""
        <flow-definition><definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition">
        <script>pipeline { agent any }</script></definition><disabled>true</disabled>
        </flow-definition>""");
    assertThat(inline.script()).isEqualTo("pipeline { agent any }");
    assertThat(inline.disabled()).isTrue();
    assertThat(inline.warnings()).isEmpty();
  }

  @Test
  void branchSpecsLoseTheirRemotePrefix() {
    assertThat(JobConfigParser.branchName("*/main")).isEqualTo("main");
    assertThat(JobConfigParser.branchName("refs/heads/release/1")).isEqualTo("release/1");
    assertThat(JobConfigParser.branchName("origin/dev")).isEqualTo("dev");
    assertThat(JobConfigParser.branchName(null)).isEqualTo("main");
  }
}
