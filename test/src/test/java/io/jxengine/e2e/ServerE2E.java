package io.jxengine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a user meets it: the quickstart, and `git push` into a repository registered
 * with `jxe import` starting a run, with `jxe server` and the git CLI as real processes.
 */
class ServerE2E {
  @TempDir Path home;
  @TempDir Path work;

  @Test
  void quickstartRunsTheSampleAndPrintsTheUiAddress() throws Exception {
    Jxe.Result r = new Jxe(home).run("quickstart", "--port", "0", "--exit-after-first-run");
    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out()).contains("[build/compile] hello from quickstart/hello on branch main")
        .contains("quickstart/hello/main #1 Succeeded")
        .containsPattern("http://127\\.0\\.0\\.1:\\d+/runs/\\d+");
  }

  @Test
  void gitPushIntoAnImportedRepositoryStartsARun() throws Exception {
    Jxe jxe = new Jxe(home);
    Process server = jxe.start("server", "--port", "0");
    try {
      await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(home.resolve("server.url")));
      Path bare = work.resolve("app.git");
      git(work, "init", "-q", "--bare", "-b", "main", bare.toString());
      Jxe.Result imported = jxe.run("import", bare.toString(), "--name", "acme/app");
      assertThat(imported.exitCode()).as(imported.all()).isZero();

      Path clone = work.resolve("app");
      git(work, "clone", "-q", bare.toString(), clone.toString());
      Files.createDirectories(clone.resolve(".jx"));
      // The branch name is hostile on purpose: it must reach the step only as data.
      Files.writeString(clone.resolve(".jx/pipeline.yaml"), """
          stages:
            - name: build
              steps:
                - run: echo "built branch [$BRANCH_NAME]"
          """);
      String branch = "zzz\";echo${IFS}\"hi\";#";
      git(clone, "checkout", "-q", "-b", branch);
      git(clone, "add", "-A");
      git(clone, "commit", "-q", "-m", "add a pipeline");
      git(clone, "push", "-q", "origin", branch);

      ObjectMapper json = new ObjectMapper();
      await().atMost(Duration.ofSeconds(90)).until(() -> {
        JsonNode list = json.readTree(jxe.run("get", "activities", "-o", "json").out());
        return list.size() == 1 && list.get(0).get("status").asText().equals("Succeeded");
      });
      JsonNode a = json.readTree(jxe.run("get", "activities", "-o", "json").out()).get(0);
      assertThat(a.get("owner").asText()).isEqualTo("acme");
      assertThat(a.get("branch").asText()).isEqualTo(branch);
      assertThat(a.get("event").asText()).isEqualTo("push");
      Jxe.Result logs = jxe.run("get", "build", "logs");
      assertThat(logs.out()).contains("built branch [" + branch + "]").doesNotContain("\nhi\n");
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
}
