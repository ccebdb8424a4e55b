package io.jxengine.kube.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The chart rendered by helm-java's bundled native helm ({@code helm template}), parsed into
 * fabric8 objects. Release {@value #RELEASE} in namespace {@value #NAMESPACE}.
 *
 * <p>helm-java returns the release manifest only: hooks and {@code crds/} are not in it.
 */
final class RenderedChart {
  static final String RELEASE = "jxe";
  static final String NAMESPACE = "jx";
  static final String FULLNAME = "jxe-jx-engine";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  final List<HasMetadata> objects;

  private RenderedChart(List<HasMetadata> objects) {
    this.objects = objects;
  }

  /** Renders with the chart's defaults overridden by {@code values} (nested maps, as in YAML). */
  static RenderedChart render(Map<String, ?> values) {
    try {
      Path file = Files.createTempFile("values", ".yaml");
      try {
        YAML.writeValue(file.toFile(), values);
        String manifest =
            new Helm(RepoPaths.chart())
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withValuesFile(file)
                .call();
        return new RenderedChart(parse(manifest));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<HasMetadata> parse(String manifest) {
    List<HasMetadata> out = new ArrayList<>();
    for (String doc : manifest.split("(?m)^---\\s*$")) {
      boolean empty = doc.lines().allMatch(l -> l.isBlank() || l.startsWith("#"));
      if (!empty) {
        out.add(Serialization.unmarshal(doc, HasMetadata.class));
      }
    }
    return out;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type, String namespace, String name) {
    List<T> found =
        all(type).stream()
            .filter(o -> Objects.equals(o.getMetadata().getNamespace(), namespace))
            .filter(o -> o.getMetadata().getName().equals(name))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + type.getSimpleName() + " " + namespace + "/" + name + ", got "
              + found.size() + " among " + kinds());
    }
    return found.get(0);
  }

  /** {@code Kind -> count}, to compare the set of objects per values combination. */
  Map<String, Long> kinds() {
    return objects.stream()
        .collect(Collectors.groupingBy(HasMetadata::getKind, java.util.TreeMap::new,
            Collectors.counting()));
  }
}
