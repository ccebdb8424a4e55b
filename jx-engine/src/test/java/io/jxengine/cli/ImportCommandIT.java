package io.jxengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.server.GitFixture;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.SqliteRepositoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jxe import} and {@code jxe get repositories} as a user runs them (a real process). */
class ImportCommandIT {
  record Run(int exit, String out, String err) {}

  @TempDir Path tmp;

  private Run jxe(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("JXE_HOME", tmp.resolve("home").toString());
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void importsLocalAndRemoteRepositoriesAndListsThem() throws Exception {
    Path bare = new GitFixture(tmp).bare("app");

    Run local = jxe("import", "app.git", "--name", "team/app", "--trusted", "alice,bob", "--poll", "2m",
        "--server-url", "http://127.0.0.1:9/");
    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(local.out()).contains("Imported team/app").contains(bare.resolve("hooks/post-receive").toString());
    assertThat(Files.readString(bare.resolve("hooks/post-receive"))).contains("'http://127.0.0.1:9'");

    Run remote = jxe("import", "https://github.com/acme/api.git");
    assertThat(remote.exit()).as(remote.err()).isZero();
    assertThat(remote.out()).contains("Imported acme/api (github").contains("<server url>/hook");
    String secret = remote.out().lines().filter(l -> l.contains("Secret:")).findFirst().orElseThrow()
        .replaceAll(".*Secret:\\s*", "");
    assertThat(secret).matches("[0-9a-f]{64}");

    Run list = jxe("get", "repositories", "-o", "json");
    assertThat(list.exit()).as(list.err()).isZero();
    JsonNode repos = new ObjectMapper().readTree(list.out());
    assertThat(repos).hasSize(2);
    assertThat(repos.get(0).get("fullName").asText()).isEqualTo("team/app");
    assertThat(repos.get(0).get("provider").asText()).isEqualTo("git");
    assertThat(repos.get(0).get("poll").asText()).isEqualTo("2m");
    assertThat(repos.get(0).get("trustedUsers").toString()).isEqualTo("[\"alice\",\"bob\"]");
    assertThat(repos.get(1).get("apiUrl").asText()).isEqualTo("https://api.github.com");
    assertThat(list.out()).as("the secret is not listed").doesNotContain(secret);
  }

  @Test
  void mistakesAreOneLineAndSaveNothing() throws Exception {
    Run badName = jxe("import", "https://github.com/acme/api.git", "--name", "acme/..");
    assertThat(badName.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(badName.err()).startsWith("jxe: ").doesNotContain("Exception");

    Run notRepo = jxe("import", tmp.toString());
    assertThat(notRepo.exit()).isEqualTo(ExitCodes.FAILED);
    assertThat(notRepo.err()).contains("not a git repository");

    Run badPoll = jxe("import", "https://github.com/acme/api.git", "--poll", "soon");
    assertThat(badPoll.exit()).isEqualTo(ExitCodes.USAGE);

    try (StoreDb db = StoreDb.open(tmp.resolve("home/jxe.db"))) {
      assertThat(new SqliteRepositoryStore(db).list()).isEmpty();
    }
  }
}
