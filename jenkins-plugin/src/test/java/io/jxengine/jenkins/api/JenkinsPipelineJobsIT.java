package io.jxengine.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.Status;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipeline jobs: an inline script and a Jenkinsfile from git, converted and run by the engine. */
class JenkinsPipelineJobsIT {
  private static final String JENKINSFILE = """
      pipeline {
        agent any
        stages {
          stage('Build') {
            steps {
              sh 'echo "building $TARGET"'
            }
          }
          stage('Test') {
            steps {
              sh 'test -f README.md && echo "tested"'
            }
          }
        }
      }
      """;
  @TempDir Path dir;
  JenkinsApiServer server;
  JenkinsHttp api;

  @BeforeEach
  void start() throws Exception {
    server = new JenkinsApiServer(dir);
    api = new JenkinsHttp(server.url(), JenkinsApiServer.USER, server.token);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static String inline(String script) {
    return "<flow-definition plugin=\"workflow-job\">\n"
        + "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\">\n"
        + "    <script>" + script.replace("&", "&amp;").replace("<", "&lt;") + "</script>\n"
        + "    <sandbox>true</sandbox>\n  </definition>\n"
        + "  <properties><hudson.model.ParametersDefinitionProperty><parameterDefinitions>\n"
        + "    <hudson.model.StringParameterDefinition><name>TARGET</name>"
        + "<defaultValue>linux</defaultValue></hudson.model.StringParameterDefinition>\n"
        + "  </parameterDefinitions></hudson.model.ParametersDefinitionProperty></properties>\n"
        + "</flow-definition>\n";
  }

  @Test
  void anInputWaitsAndProceedEmptyLetsTheBuildGoOn() throws Exception {
    String script = """
        pipeline {
          agent any
          stages {
            stage('Deploy') {
              steps {
                input id: 'Ship', message: 'Ship it?', submitter: 'alice'
                sh 'echo shipped'
              }
            }
          }
        }
        """;
    assertThat(api.post("createItem?name=gated", inline(script)).statusCode()).isEqualTo(200);
    assertThat(api.post("job/gated/build", "").statusCode()).isEqualTo(201);
    Activity waiting = await().atMost(Duration.ofSeconds(60)).until(
        () -> server.activities.list(ActivityFilter.all()).stream().findFirst().orElse(null),
        a -> a != null && a.status() == Status.WaitingForApproval);
    assertThat(api.json("job/gated/1/api/json").path("building").asBoolean()).isTrue();
    assertThat(api.post("job/gated/1/input/Other/proceedEmpty", "").statusCode()).isEqualTo(404);

    assertThat(api.post("job/gated/1/input/Ship/proceedEmpty", "").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(
        () -> api.json("job/gated/1/api/json").path("result").asText().equals("SUCCESS"));
    assertThat(api.get("job/gated/1/consoleText").body()).contains("shipped");
    assertThat(server.activities.get(waiting.id()).orElseThrow().steps())
        .anySatisfy(s -> assertThat(s.message()).isEqualTo("approved by " + JenkinsApiServer.USER));
    assertThat(api.post("job/gated/1/input/Ship/abort", "").statusCode()).isEqualTo(404);
  }

  private JsonNode buildAndWait(String job, String trigger) throws Exception {
    HttpResponse<String> r = api.post(job + "/" + trigger, "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String location = r.headers().firstValue("Location").orElseThrow();
    String item = location.substring(server.url().length());
    JsonNode[] build = new JsonNode[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonNode exec = api.json(item + "api/json").path("executable");
      if (!exec.isObject()) {
        return false;
      }
      build[0] = api.json(job + "/" + exec.path("number").asInt() + "/api/json");
      return !build[0].path("result").isNull();
    });
    return build[0];
  }

  @Test
  void anInlineDeclarativeScriptRunsWithItsParameters() throws Exception {
    // the inline pipeline's workspace is empty: drop the README check
    String script = JENKINSFILE.replace("test -f README.md && ", "");
    assertThat(api.post("createItem?name=inline", inline(script)).statusCode()).isEqualTo(200);
    JsonNode build = buildAndWait("job/inline", "buildWithParameters?TARGET=arm64");
    assertThat(build.path("result").asText()).isEqualTo("SUCCESS");
    assertThat(build.path("_class").asText()).isEqualTo("org.jenkinsci.plugins.workflow.job.WorkflowRun");
    String console = api.get("job/inline/1/consoleText").body();
    assertThat(console).contains("[build]").contains("building arm64").contains("[test]")
        .contains("tested");
    assertThat(api.json("job/inline/api/json").path("_class").asText())
        .isEqualTo("org.jenkinsci.plugins.workflow.job.WorkflowJob");
  }

  @Test
  void aJenkinsfileFromGitIsReadAtTheBranchHead() throws Exception {
    Path repo = dir.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(repo.resolve("ci"));
      Files.writeString(repo.resolve("ci/Jenkinsfile"), JENKINSFILE);
      Files.writeString(repo.resolve("README.md"), "hello\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("ci").setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com").setSign(false).call();
    }
    String xml = """
        <flow-definition>
          <definition class="org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition">
            <scm class="hudson.plugins.git.GitSCM">
              <userRemoteConfigs><hudson.plugins.git.UserRemoteConfig>
                <url>%s</url>
              </hudson.plugins.git.UserRemoteConfig></userRemoteConfigs>
              <branches><hudson.plugins.git.BranchSpec><name>*/main</name>
              </hudson.plugins.git.BranchSpec></branches>
            </scm>
            <scriptPath>ci/Jenkinsfile</scriptPath>
          </definition>
        </flow-definition>
        """.formatted(repo.toUri());
    assertThat(api.post("createItem?name=fromgit", xml).statusCode()).isEqualTo(200);
    JsonNode build = buildAndWait("job/fromgit", "build");
    assertThat(build.path("result").asText()).as(api.get("job/fromgit/1/consoleText").body())
        .isEqualTo("SUCCESS");
    assertThat(api.get("job/fromgit/1/consoleText").body()).contains("tested");
    assertThat(server.activities.get(build.path("jxeActivity").asLong()).orElseThrow().branch())
        .isEqualTo("main");
  }

  @Test
  void aScriptTheConverterRefusesIsReportedAndNotBuilt() throws Exception {
    String script = "pipeline { agent any\n stages { stage('w') { steps { bat 'dir' } } } }";
    HttpResponse<String> created = api.post("createItem?name=win", inline(script));
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().allValues("X-Jxe-Warning"))
        .anyMatch(w -> w.startsWith("Jenkinsfile error"));
    HttpResponse<String> build = api.post("job/win/build", "");
    assertThat(build.statusCode()).isEqualTo(400);
    assertThat(server.activities.list(io.jxengine.activity.ActivityFilter.all())).isEmpty();
  }

  @Test
  void invalidGroovyIsRefusedWithItsPosition() throws Exception {
    api.post("createItem?name=broken", inline("pipeline { stages { "));
    HttpResponse<String> build = api.post("job/broken/build", "");
    assertThat(build.statusCode()).isEqualTo(400);
    assertThat(build.body()).containsPattern("config\\.xml#script:\\d+:\\d+");
  }
}
