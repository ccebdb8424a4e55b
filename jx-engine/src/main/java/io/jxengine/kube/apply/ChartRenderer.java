package io.jxengine.kube.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders a local chart directory or archive with helm-java's bundled native helm ({@code helm template}):
 * no cluster is contacted and nothing is installed. Values are passed as one values file (nested
 * maps, as in YAML), so user-controlled strings never reach a command line or {@code --set}
 * parsing. Thread-safe; each call writes and deletes its own temporary values file.
 */
public final class ChartRenderer {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * What to render.
   *
   * @param chart a directory holding {@code Chart.yaml}, or a chart archive ({@code .tgz}, as
   *     {@link ChartRepository} fetches them; helm reads it)
   * @param release the release name ({@code .Release.Name})
   * @param namespace the namespace ({@code .Release.Namespace})
   * @param values overrides of the chart's {@code values.yaml}
   */
  public record Request(Path chart, String release, String namespace, Map<String, ?> values) {
    public Request {
      values = values == null ? Map.of() : values;
    }
  }

  /**
   * The rendered manifest (multi-document YAML; hooks and {@code crds/} are not in it).
   *
   * @throws ChartRenderException with helm's message when the chart is missing or fails to render
   */
  public String render(Request request) {
    boolean archive = Files.isRegularFile(request.chart()) && request.chart().toString().endsWith(".tgz");
    if (!archive && !Files.isRegularFile(request.chart().resolve("Chart.yaml"))) {
      throw new ChartRenderException(
          "chart " + request.chart() + " not found (no Chart.yaml in that directory)", null);
    }
    Path values;
    try {
      values = Files.createTempFile("jxe-values", ".yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      YAML.writeValue(values.toFile(), request.values());
      return new Helm(request.chart())
          .template()
          .withName(request.release())
          .withNamespace(request.namespace())
          .withValuesFile(values)
          .call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // helm-java reports helm's own error text (a template error with file:line) as the message.
      String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
      throw new ChartRenderException("chart " + request.chart().getFileName() + " failed to render: "
          + message, e);
    } finally {
      try {
        Files.deleteIfExists(values);
      } catch (IOException ignored) {
        // A leftover temporary file is harmless.
      }
    }
  }
}
