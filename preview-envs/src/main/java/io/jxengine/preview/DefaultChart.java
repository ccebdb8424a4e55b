package io.jxengine.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The default preview chart ({@code preview-envs/charts/preview}), packaged in the jar and
 * written to a directory for helm, which reads charts from disk. Written once per process.
 */
public final class DefaultChart {
  static final String RESOURCE = "/io/jxengine/preview/chart/";
  static final List<String> FILES = List.of("Chart.yaml", "values.yaml",
      "templates/deployment.yaml", "templates/service.yaml", "templates/ingress.yaml");
  private static Path extracted;

  private DefaultChart() {}

  /** The chart's directory (extracted under the temporary directory on first use). */
  public static synchronized Path path() {
    if (extracted != null && Files.isRegularFile(extracted.resolve("Chart.yaml"))) {
      return extracted;
    }
    try {
      Path dir = Files.createTempDirectory("jxe-preview-chart");
      for (String file : FILES) {
        try (InputStream in = DefaultChart.class.getResourceAsStream(RESOURCE + file)) {
          if (in == null) {
            throw new IllegalStateException("the default preview chart is missing " + file);
          }
          Path target = dir.resolve(file);
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
      dir.toFile().deleteOnExit();
      extracted = dir;
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the default preview chart", e);
    }
  }
}
