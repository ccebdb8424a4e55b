package io.jxengine.cli;

import static io.jxengine.release.ReleaseRepos.commit;
import static io.jxengine.release.ReleaseRepos.tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.release.ReleaseRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release inside a pipeline: the step runs {@code jxe step next-version} (a real process), which
 * reports through {@code $JXE_ENV}; the engine records the version and the notes' link on the
 * activity, and the later steps see them as variables.
 */
class ReleaseOutputsIT {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run jxe(Path bin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(bin.resolve("jxe").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("JXE_HOME", tmp.resolve("home").toString());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().remove("JXE_ENV");
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A {@code jxe} on the PATH, as the launcher provides to steps. */
  private Path launcher() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path jxe = bin.resolve("jxe");
    Files.writeString(jxe, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -cp '" + System.getProperty("java.class.path") + "' " + Main.class.getName() + " \"$@\"\n");
    Files.setPosixFilePermissions(jxe, PosixFilePermissions.fromString("rwx------"));
    return bin;
  }

  @Test
  void versionAndNotesLinkLandOnTheActivity() throws Exception {
    Path app = tmp.resolve("app");
    try (Git git = ReleaseRepos.init(app)) {
      commit(git, "feat: first");
      tag(git, "v1.4.2");
      Files.createDirectories(app.resolve(".jx"));
      Files.writeString(app.resolve(".jx/pipeline.yaml"), """
          name: release
          stages:
            - name: release
              steps:
                - name: version
                  run: |
                    jxe step next-version > VERSION
                    echo "JXE_RELEASE_NOTES_URL=https://example.test/acme/app/releases/v$(cat VERSION)" >> "$JXE_ENV"
                - name: sees-it
                  run: test "$JXE_RELEASE_VERSION" = 1.4.3
            - name: not-recorded
              steps:
                - name: failed
                  run: |
                    echo JXE_RELEASE_VERSION=9.9.9 >> "$JXE_ENV"
                    exit 3
          """);
      git.add().addFilepattern(".jx").call();
      git.commit().setMessage("fix: the pipeline").setSign(false)
          .setAuthor("Jane", "jane@example.com").setCommitter("Jane", "jane@example.com").call();
    }
    Path bin = launcher();

    Run run = jxe(bin, "run", app.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1); // the last stage fails
    Run list = jxe(bin, "get", "activities", "-o", "json");
    JsonNode activity = new ObjectMapper().readTree(list.out()).get(0);
    // sees-it passed (the first failure is the last stage's), and the failed step's line is ignored
    assertThat(activity.get("message").asText()).startsWith("not-recorded/failed");
    assertThat(activity.get("version").asText()).isEqualTo("1.4.3");
    assertThat(activity.get("releaseNotesUrl").asText())
        .isEqualTo("https://example.test/acme/app/releases/v1.4.3");
    assertThat(tmp.resolve("home/workspaces")).isEmptyDirectory();
  }

  @Test
  void worksOutsideAPipelineToo() throws Exception {
    Path app = tmp.resolve("app");
    try (Git git = ReleaseRepos.init(app)) {
      commit(git, "feat: first");
    }
    Run r = jxe(launcher(), "step", "next-version", "--dir", app.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("0.1.0\n");
  }
}
