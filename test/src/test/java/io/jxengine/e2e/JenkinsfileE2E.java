package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins bridge through the real launcher: {@code jxe convert}, and a directory that has
 * only a Jenkinsfile run with {@code jxe run} like any other, recorded as coming from it.
 */
class JenkinsfileE2E {
  private static final String JENKINSFILE = """
      pipeline {
        agent any
        environment { GREETING = 'hello' }
        stages {
          stage('Build') {
            steps {
              sh 'echo "$GREETING from jenkinsfile" > greeting.txt'
              sh 'mkdir -p target/reports && printf "<testsuite><testcase name=\\\\"a\\\\"/></testsuite>" > target/reports/TEST-a.xml'
            }
          }
          stage('Checks') {
            parallel {
              stage('Read') { steps { sh 'grep -q hello greeting.txt' } }
              stage('Count') { steps { echo "build ${env.BUILD_NUMBER}" } }
            }
          }
        }
        post { always { junit 'target/reports/*.xml' } }
      }
      """;

  @TempDir Path home;
  @TempDir Path repo;

  @Test
  void aDirectoryWithOnlyAJenkinsfileRunsAndIsMarkedAsSuch() throws Exception {
    Files.writeString(repo.resolve("Jenkinsfile"), JENKINSFILE, StandardCharsets.UTF_8);
    Jxe jxe = new Jxe(home);
    Jxe.Result run = jxe.run("run", repo.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("junit: 1 tests, 0 failures");

    JsonNode activities = new ObjectMapper().readTree(jxe.run("get", "activities", "-o", "json").out());
    JsonNode first = activities.isArray() ? activities.get(0) : activities.path("items").get(0);
    assertThat(first.path("source").asText()).isEqualTo("jenkinsfile");
    assertThat(first.path("status").asText()).isEqualTo("Succeeded");
    assertThat(jxe.run("get", "activities", "-o", "wide").out()).contains("source=jenkinsfile", "tests=1 failed=0");
    // `junit` became `uses: junit`: the report is recorded on the activity
    JsonNode tests = new ObjectMapper().readTree(jxe.run("get", "build", "tests", "-o", "json").out());
    assertThat(tests.at("/totals/tests").asInt()).isEqualTo(1);
  }

  @Test
  void aPushOfAJenkinsfileRepositoryRunsOnTheServer() throws Exception {
    Jxe jxe = new Jxe(home);
    Process server = jxe.start("server", "--port", "0");
    try {
      await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(home.resolve("server.url")));
      Path bare = repo.resolve("app.git");
      git(repo, "init", "-q", "--bare", "-b", "main", bare.toString());
      Jxe.Result imported = jxe.run("import", bare.toString(), "--name", "acme/legacy");
      assertThat(imported.exitCode()).as(imported.all()).isZero();
      Path clone = repo.resolve("app");
      git(repo, "clone", "-q", bare.toString(), clone.toString());
      Files.writeString(clone.resolve("Jenkinsfile"), JENKINSFILE, StandardCharsets.UTF_8);
      git(clone, "checkout", "-q", "-b", "main");
      git(clone, "add", "-A");
      git(clone, "commit", "-q", "-m", "a Jenkinsfile");
      git(clone, "push", "-q", "origin", "main");

      ObjectMapper json = new ObjectMapper();
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        JsonNode list = json.readTree(jxe.run("get", "activities", "-o", "json").out());
        return list.size() == 1 && !list.get(0).get("status").asText().matches("Pending|Running");
      });
      JsonNode a = json.readTree(jxe.run("get", "activities", "-o", "json").out()).get(0);
      assertThat(a.get("status").asText()).isEqualTo("Succeeded");
      assertThat(a.get("source").asText()).isEqualTo("jenkinsfile");
      assertThat(a.get("repo").asText()).isEqualTo("legacy");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=e2e",
        "-c", "user.email=e2e@example.invalid"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
  }

  @Test
  void convertWritesALintCleanPipelineAndAReport() throws Exception {
    Files.writeString(repo.resolve("Jenkinsfile"), JENKINSFILE, StandardCharsets.UTF_8);
    Path out = repo.resolve(".jx/pipeline.yaml");
    Jxe.Result convert = new Jxe(home).run("convert", repo.resolve("Jenkinsfile").toString(), "-o", out.toString());
    assertThat(convert.exitCode()).as(convert.all()).isZero();
    assertThat(convert.err()).contains("0 errors");
    assertThat(Files.readString(out)).contains("- name: build", "- name: read", "- name: count", "needs: [build]");

    Jxe.Result lint = new Jxe(home).run("lint", out.toString(), "--strict");
    assertThat(lint.exitCode()).as(lint.all()).isZero();
    // with a native file present, the repository runs it rather than the Jenkinsfile
    Jxe.Result run = new Jxe(home).run("run", repo.toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(new Jxe(home).run("get", "activities", "-o", "wide").out()).contains("source=native");
  }

  @Test
  void invalidGroovyIsADiagnosticAndNothingRuns() throws Exception {
    Files.writeString(repo.resolve("Jenkinsfile"), "pipeline {\n  agent any\n  stages { stage('x') { steps { sh 'oops } } }\n");
    Jxe jxe = new Jxe(home);
    Jxe.Result run = jxe.run("run", repo.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.all()).contains("Jenkinsfile:3:").contains("JX601").doesNotContain("Exception");
    assertThat(jxe.run("get", "activities", "-o", "json").out()).doesNotContain("jenkinsfile");

    Jxe.Result convert = jxe.run("convert", repo.resolve("Jenkinsfile").toString(), "-o", repo.resolve("out.yaml").toString());
    assertThat(convert.exitCode()).isEqualTo(1);
    assertThat(convert.err()).contains("JX601");
    assertThat(repo.resolve("out.yaml")).doesNotExist();
  }

  @Test
  void aWindowsStepIsReportedWithItsHint() throws Exception {
    Files.writeString(repo.resolve("Jenkinsfile"),
        "pipeline {\n  agent any\n  stages {\n    stage('b') {\n      steps {\n        bat 'build.cmd'\n      }\n    }\n  }\n}\n");
    Jxe.Result convert = new Jxe(home).run("convert", repo.resolve("Jenkinsfile").toString());
    assertThat(convert.exitCode()).isEqualTo(1);
    assertThat(convert.err()).contains("Jenkinsfile:6:9: error[JX604]").contains("Windows agent");
    assertThat(convert.out()).isEmpty();
  }
}
