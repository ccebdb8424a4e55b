package io.jxengine.kube.chart;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the repository from a test, whatever module directory Maven runs it in. */
public final class RepoPaths {
  private RepoPaths() {}

  /** The repository root: the nearest ancestor of the working directory holding {@code charts/}. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("charts/jx-engine"))) {
        return p;
      }
    }
    throw new IllegalStateException("no charts/jx-engine above " + dir);
  }

  /** {@code charts/jx-engine}. */
  public static Path chart() {
    return root().resolve("charts/jx-engine");
  }
}
