package io.jxengine.cli;

import static io.jxengine.release.ReleaseRepos.commit;
import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.release.ReleaseRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jxe import} of a working tree writes the matching build pack (a real process). */
class ImportPackCommandIT {
  /** The repository's catalog, beside which the packs live. */
  private static final Path CATALOG = Path.of("..", "pipelines", "catalog").toAbsolutePath().normalize();

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run jxe(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("JXE_HOME", tmp.resolve("home").toString());
    pb.environment().put("JXE_CATALOG", CATALOG.toString());
    pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private Path project(String name, String marker) throws Exception {
    Path dir = tmp.resolve("acme").resolve(name);
    try (Git git = ReleaseRepos.init(dir)) {
      Files.writeString(dir.resolve(marker), "");
      commit(git, "feat: first");
    }
    return dir;
  }

  @Test
  void detectsTheKindAndWritesItsPipelines() throws Exception {
    Path app = project("web", "package.json");
    Run r = jxe("import", app.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote the nodejs build pack's pipelines");
    assertThat(Files.readString(app.resolve(".jx/pipelines/release.yaml")))
        .isEqualTo(Files.readString(CATALOG.resolveSibling("packs/nodejs/release.yaml")));
    Run lint = jxe("lint", app.toString());
    assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
  }

  @Test
  void packOptionOverridesAndUnknownKindsListThePacks() throws Exception {
    Path app = project("svc", "pom.xml");
    Run r = jxe("import", app.toString(), "--pack", "go");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(app.resolve(".jx/pipelines/pullrequest.yaml")).content().contains("uses: go-test");

    Path odd = project("odd", "Makefile");
    Run none = jxe("import", odd.toString());
    assertThat(none.exit()).isZero();
    assertThat(none.out()).contains("No build pack matches").contains("go, gradle, maven, nodejs, python");

    Run unknown = jxe("import", odd.toString(), "--pack", "cobol");
    assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("no build pack 'cobol'; the packs are: go, gradle, maven, nodejs, python");
  }
}
