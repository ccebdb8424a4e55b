package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's Jenkins API judged by Jenkins' own tooling, as real processes: Debian's
 * jenkins-job-builder ({@code jenkins-jobs update}) defines a folder, freestyle and pipeline jobs
 * on a fresh {@code jxe server}; a python3-jenkins script builds a freestyle job with parameters
 * and an inline pipeline job, waits for the results and reads the consoles; the builds then show
 * in {@code jxe get activities}.
 */
class JenkinsApiE2E {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path home;
  @TempDir Path work;

  @Test
  void jenkinsJobBuilderAndPythonJenkinsDriveTheEngine() throws Exception {
    Jxe jxe = new Jxe(home);
    Jxe.Result created = jxe.run("jenkins", "token", "create", "alice");
    assertThat(created.exitCode()).as(created.all()).isZero();
    String token = created.out().strip();
    assertThat(token).matches("[0-9a-f]{48}");

    Process server = jxe.start("server", "--port", "0");
    try {
      await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(home.resolve("server.url")));
      String url = Files.readString(home.resolve("server.url")).strip() + "/jenkins";
      Path jobs = copy("jobs.yaml");
      Path script = copy("build.py");
      Path ini = work.resolve("jenkins_jobs.ini");
      Files.writeString(ini, "[job_builder]\nignore_cache=True\n\n[jenkins]\nurl=" + url
          + "\nuser=alice\npassword=" + token + "\nquery_plugins_info=False\n");

      Out update = exec(List.of("jenkins-jobs", "--conf", ini.toString(), "update",
          jobs.toString()));
      assertThat(update.code()).as(update.text()).isZero();
      assertThat(update.text()).contains("Number of jobs updated: 6");
      // a second update sends every job again as reconfigurations
      Out again = exec(List.of("jenkins-jobs", "--conf", ini.toString(), "update",
          jobs.toString()));
      assertThat(again.code()).as(again.text()).isZero();
      assertThat(again.text()).contains("Reconfiguring jenkins job tools/greet");

      Out built = exec(List.of(python(), script.toString(), url, "alice", token));
      assertThat(built.code()).as(built.text()).isZero();
      JsonNode seen = JSON.readTree(lastLine(built.stdout()));
      assertThat(seen.path("whoami").asText()).isEqualTo("alice");
      assertThat(seen.path("version").asText()).startsWith("2.");
      assertThat(seen.path("jobs").toString()).contains("tools/greet", "tools/lint", "nightly",
          "inline-pipeline", "scm-pipeline", "\"tools\"");
      assertThat(seen.path("exists").asBoolean()).isTrue();
      assertThat(seen.path("disabled_color").asText()).isEqualTo("disabled");
      assertThat(seen.path("result").asText()).isEqualTo("SUCCESS");
      assertThat(seen.path("console").asText())
          .contains("hi; $(id), moon (loud=false)")
          .contains("Finished: SUCCESS");
      assertThat(seen.path("last_build").asInt()).isEqualTo(seen.path("number").asInt());
      assertThat(seen.path("pipeline_result").asText()).isEqualTo("SUCCESS");
      assertThat(seen.path("pipeline_console").asText()).contains("pipeline build");

      JsonNode activities = JSON.readTree(jxe.run("get", "activities", "-o", "json").out());
      assertThat(activities).anySatisfy(a -> {
        assertThat(a.path("source").asText()).isEqualTo("jenkins");
        assertThat(a.path("owner").asText()).isEqualTo("jenkins");
        assertThat(a.path("repo").asText()).isEqualTo("tools:greet");
        assertThat(a.path("status").asText()).isEqualTo("Succeeded");
      }).anySatisfy(a -> {
        assertThat(a.path("repo").asText()).isEqualTo("inline-pipeline");
        assertThat(a.path("status").asText()).isEqualTo("Succeeded");
      });
      assertThat(Files.readString(home.resolve("jenkins/jobs/tools/jobs/lint/config.xml")))
          .contains("hudson.tasks.Mailer");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private record Out(int code, String stdout, String text) {}

  /** Debian's python3, where python3-jenkins is installed (a pyenv shim may come first). */
  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  private Out exec(List<String> cmd) throws IOException, InterruptedException {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p = new ProcessBuilder(new ArrayList<>(cmd)).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(cmd + " did not finish");
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    return new Out(p.exitValue(), stdout, stdout + Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path copy(String resource) throws IOException {
    Path target = work.resolve(resource);
    try (InputStream in = getClass().getResourceAsStream("/jenkins/" + resource)) {
      Files.copy(in, target);
    }
    return target;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }
}
