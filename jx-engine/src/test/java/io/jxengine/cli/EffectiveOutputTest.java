package io.jxengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code jxe effective --output tekton|pods} on a directory that is not a git repository. */
class EffectiveOutputTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  private static Path repo(Path dir, String pipeline) throws Exception {
    Files.createDirectories(dir.resolve(".jx"));
    Files.writeString(dir.resolve(".jx/pipeline.yaml"), pipeline);
    return dir;
  }

  @Test
  void printsThePipelineRun(@TempDir Path dir) throws Exception {
    repo(dir, "stages:\n  - name: build\n    steps:\n      - run: make\n");
    assertThat(run("effective", "--output", "tekton", "--build", "3", dir.toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("apiVersion: tekton.dev/v1\nkind: PipelineRun\n").contains("- name: build");
  }

  @Test
  void printsThePods(@TempDir Path dir) throws Exception {
    repo(dir, "stages:\n  - name: build\n    steps:\n      - run: make\n");
    assertThat(run("effective", "-o", "pods", dir.toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("kind: PersistentVolumeClaim").contains("kind: Pod");
  }

  @Test
  void aPrivilegedStepIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
    repo(dir, "stages:\n  - name: build\n    steps:\n      - run: make\n        privileged: true\n");
    assertThat(run("effective", "--output", "tekton", dir.toString())).isEqualTo(ExitCodes.FAILED);
    assertThat(err.toString()).contains(":5:").contains("JX501");
    assertThat(out.toString()).isEmpty();
  }
}
