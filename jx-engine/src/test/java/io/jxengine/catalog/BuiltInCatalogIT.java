package io.jxengine.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.diag.Diagnostics;
import io.jxengine.model.EnvVar;
import io.jxengine.model.Step;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the scripts of the built-in catalog steps for real ({@code /bin/sh -e}, the git CLI, a
 * local repository), the way the local backend will: the effective step's {@code run} with its
 * env in the workspace.
 */
class BuiltInCatalogIT {
  @TempDir Path tmp;
  private PipelineLoader loader;
  private Path origin;
  private Path workspace;

  @BeforeEach
  void setUp() throws Exception {
    loader = new PipelineLoader(Catalog.load(List.of(Path.of("..", "pipelines", "catalog")), new Diagnostics()));
    origin = tmp.resolve("origin");
    workspace = tmp.resolve("ws");
    Files.createDirectories(origin);
    Files.createDirectories(workspace);
    run(origin, "git init -q -b main . && git config user.email t@t && git config user.name t"
        + " && echo one > f.txt && git add f.txt && git commit -qm one && git tag v0"
        + " && echo two > f.txt && git commit -qam two");
  }

  private Step step(String uses, String with) {
    LoadResult r =
        loader.loadString(
            "stages:\n  - name: s\n    steps:\n      - uses: " + uses + "\n        with: " + with + "\n", "p.yaml", "it");
    assertThat(r.diagnostics()).isEmpty();
    return r.effective().stages().get(0).steps().get(0);
  }

  private Result exec(Step step) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-e", "-c", step.run()).directory(workspace.toFile()).redirectErrorStream(true);
    for (EnvVar e : step.env()) {
      pb.environment().put(e.name(), e.value());
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  private void run(Path dir, String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/bin/sh", "-e", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  private record Result(int exit, String output) {}

  @Test
  void gitCloneChecksOutABranchThenATagInPlace() throws Exception {
    Result r = exec(step("git-clone", "{url: '" + origin + "', dir: src}"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(Files.readString(workspace.resolve("src/f.txt")).trim()).isEqualTo("two");

    Result again = exec(step("git-clone", "{url: '" + origin + "', dir: src, revision: v0}"));
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(Files.readString(workspace.resolve("src/f.txt")).trim()).isEqualTo("one");
  }

  @Test
  void gitCloneFailsForAnUnknownRevision() throws Exception {
    Result r = exec(step("git-clone", "{url: '" + origin + "', revision: no-such-branch}"));
    assertThat(r.exit()).isNotZero();
  }

  @Test
  void gitTagTagsHeadWithoutAnIdentityAndPushes() throws Exception {
    assertThat(exec(step("git-clone", "{url: '" + origin + "'}")).exit()).isZero();
    Result r = exec(step("git-tag", "{version: 1.2.3, push: 'true'}"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("as v1.2.3");
    run(origin, "git rev-parse -q --verify refs/tags/v1.2.3");
  }

  @Test
  void shellRunsTheScriptParameterAndSleepWaits() throws Exception {
    Result r = exec(step("shell", "{script: 'echo \"hello $((1+2))\" > out.txt; exit 0'}"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(Files.readString(workspace.resolve("out.txt")).trim()).isEqualTo("hello 3");
    assertThat(exec(step("shell", "{script: 'exit 3'}")).exit()).isEqualTo(3);
    assertThat(exec(step("sleep", "{seconds: '0'}")).exit()).isZero();
  }
}
