package io.jxengine.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each build pack's pull-request pipeline runs with {@code jxe run} (a real process, the local
 * backend) on the pack's sample project, wherever the pack's toolchain is installed. A missing
 * toolchain is a JUnit assumption naming the tool, so the report says which packs were skipped
 * and why; nothing else skips.
 */
class BuildPackSamplesIT {
  /** The commands each pack's pull-request pipeline needs on the PATH. */
  private static final Map<String, List<String>> TOOLS = Map.of(
      "maven", List.of("mvn"),
      "gradle", List.of("gradle"),
      "nodejs", List.of("node", "npm"),
      "go", List.of("go"),
      "python", List.of("python3"));

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"maven", "gradle", "nodejs", "go", "python"})
  void pullRequestPipelineBuildsTheSample(String kind) throws Exception {
    for (String tool : TOOLS.get(kind)) {
      assumeTrue(onPath(tool), tool + " is not installed on this machine: the " + kind
          + " pack's sample was not run");
    }
    Path project = tmp.resolve(kind);
    copy(BuildPacksTest.PACKS.resolve(kind).resolve("sample"), project);
    Path pipelines = Files.createDirectories(project.resolve(".jx/pipelines"));
    Files.copy(BuildPacksTest.PACKS.resolve(kind).resolve("pullrequest.yaml"),
        pipelines.resolve("pullrequest.yaml"));

    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "io.jxengine.cli.Main", "run", project.toString(), "-p", "pullrequest")
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve(kind + ".log").toFile());
    pb.environment().put("JXE_HOME", tmp.resolve("home").toString());
    pb.environment().put("JXE_CATALOG", BuildPacksTest.CATALOG.toAbsolutePath().toString());
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the %s sample finishes", kind).isTrue();
    String log = Files.readString(tmp.resolve(kind + ".log"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("jxe run of the %s sample:\n%s", kind, log).isZero();
    assertThat(log).contains("Succeeded");
    // no cluster here and no registry in the pack as imported: the image and preview stage is
    // skipped, saying why, and the run is green
    assertThat(log).contains("stage preview: NotExecuted (skipped: ");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
