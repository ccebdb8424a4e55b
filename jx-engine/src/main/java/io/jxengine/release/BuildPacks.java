package io.jxengine.release;

import io.jxengine.parse.PipelineLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The build packs in {@code pipelines/packs/<kind>/} (beside the built-in catalog): which kind a
 * project is, and writing a pack's pipelines into a project that has none ({@code jxe import}).
 * A pack is a directory holding {@code pullrequest.yaml} and {@code release.yaml}; both are copied
 * to the project's {@code .jx/pipelines/}. Stateless apart from the packs' directory.
 */
public final class BuildPacks {
  /** The files of a pack, as the project receives them. */
  public static final List<String> FILES = List.of("pullrequest.yaml", "release.yaml");

  /**
   * How each kind is recognised, in the order they are tried: a Java project with a package.json
   * for its front end is still a Maven or Gradle project, and a Python project with one is Python.
   */
  private static final Map<String, List<String>> MARKERS = new LinkedHashMap<>();

  static {
    MARKERS.put("maven", List.of("pom.xml"));
    MARKERS.put("gradle", List.of("build.gradle", "build.gradle.kts", "settings.gradle.kts"));
    MARKERS.put("go", List.of("go.mod"));
    MARKERS.put("python", List.of("pyproject.toml", "setup.py", "requirements.txt"));
    MARKERS.put("nodejs", List.of("package.json"));
  }

  private final Path root;

  public BuildPacks(Path root) {
    this.root = root;
  }

  /** The packs next to the first built-in catalog that has them, if any. */
  public static Optional<BuildPacks> besideCatalogs(List<Path> catalogs) {
    return catalogs.stream().map(c -> c.resolveSibling("packs")).filter(Files::isDirectory)
        .findFirst().map(BuildPacks::new);
  }

  /** The kinds available, sorted. */
  public List<String> kinds() throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> FILES.stream().allMatch(f -> Files.isRegularFile(d.resolve(f))))
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  /** The kind of the project in {@code dir} from the files at its top, if one is known. */
  public static Optional<String> detect(Path dir) {
    for (Map.Entry<String, List<String>> kind : MARKERS.entrySet()) {
      if (kind.getValue().stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
        return Optional.of(kind.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * What {@link #apply} did.
   *
   * @param written the files written, relative to the project; empty when it already had pipelines
   */
  public record Applied(String kind, List<String> written) {}

  /**
   * Writes pack {@code kind}'s pipelines into {@code project} unless it already has a pipeline
   * ({@code .jx/pipeline.yaml} or {@code .jx/pipelines/*}), which is never overwritten.
   *
   * @throws ReleaseException for an unknown pack, naming those there are
   */
  public Applied apply(String kind, Path project) throws IOException {
    if (!kind.matches("[a-z0-9][a-z0-9-]{0,62}") || !kinds().contains(kind)) {
      throw new ReleaseException("no build pack '" + kind + "'; the packs are: " + String.join(", ", kinds()));
    }
    if (!PipelineLocator.find(project).isEmpty()) {
      return new Applied(kind, List.of());
    }
    Path into = Files.createDirectories(project.resolve(".jx").resolve("pipelines"));
    List<String> written = new ArrayList<>();
    for (String file : FILES) {
      Files.copy(root.resolve(kind).resolve(file), into.resolve(file));
      written.add(".jx/pipelines/" + file);
    }
    return new Applied(kind, written);
  }
}
