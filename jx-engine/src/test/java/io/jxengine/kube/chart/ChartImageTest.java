package io.jxengine.kube.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The chart deploys by default the image the Jib profile builds: same repository, the tag is the
 * chart's appVersion and the Maven project version, and the image's user is the chart's user.
 * Reads both sides from their files (pom.xml, values.yaml, Chart.yaml), not from constants.
 */
class ChartImageTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static Map<String, String> jib;
  static Element jibConfiguration;
  static JsonNode values;
  static JsonNode chart;

  @BeforeAll
  static void read() throws Exception {
    Path root = RepoPaths.root();
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(root.resolve("jx-engine/pom.xml").toFile());
    Element profile = profile(pom, "image");
    jib = new TreeMap<>();
    jib.put("project.version", text(child(child(pom.getDocumentElement(), "parent"), "version")));
    for (Element p : children(child(profile, "properties"))) {
      jib.put(p.getTagName(), text(p));
    }
    jibConfiguration = child(child(child(child(profile, "build"), "plugins"), "plugin"),
        "configuration");
    values = YAML.readTree(RepoPaths.chart().resolve("values.yaml").toFile());
    chart = YAML.readTree(RepoPaths.chart().resolve("Chart.yaml").toFile());
  }

  @Test
  void theChartsDefaultImageIsTheOneJibBuilds() {
    String target = resolve(text(child(child(jibConfiguration, "to"), "image")));
    String chartImage = values.at("/image/repository").asText() + ":"
        + (values.at("/image/tag").asText().isEmpty()
            ? chart.get("appVersion").asText()
            : values.at("/image/tag").asText());

    assertThat(chartImage).isEqualTo(target);
    assertThat(chart.get("appVersion").asText()).isEqualTo(jib.get("project.version"));
  }

  @Test
  void theBaseImageIsConfigurableAndDefaultsToTemurin17Jre() {
    assertThat(text(child(child(jibConfiguration, "from"), "image")))
        .isEqualTo("${jxe.image.base}");
    assertThat(jib).containsEntry("jxe.image.base", "eclipse-temurin:17-jre");
  }

  @Test
  void theImageRunsAsTheChartsNonRootUserOnTheServerPort() {
    Element container = child(jibConfiguration, "container");
    String user = resolve(text(child(container, "user")));

    assertThat(user).isEqualTo(values.at("/podSecurityContext/runAsUser").asText() + ":"
        + values.at("/podSecurityContext/runAsGroup").asText());
    assertThat(user).doesNotStartWith("0:").isNotEqualTo("root");
    assertThat(text(child(child(container, "ports"), "port")))
        .isEqualTo(values.at("/server/port").asText());
    assertThat(text(child(container, "mainClass"))).isEqualTo("io.jxengine.cli.Main");
  }

  private static String resolve(String text) {
    String out = text;
    for (int i = 0; i < 5 && out.contains("${"); i++) {
      for (Map.Entry<String, String> e : jib.entrySet()) {
        out = out.replace("${" + e.getKey() + "}", e.getValue());
      }
    }
    assertThat(out).as("unresolved property in %s", text).doesNotContain("${");
    return out;
  }

  private static Element profile(Document pom, String id) {
    for (Element p : children(child(pom.getDocumentElement(), "profiles"))) {
      if (id.equals(text(child(p, "id")))) {
        return p;
      }
    }
    throw new AssertionError("no profile " + id + " in jx-engine/pom.xml");
  }

  private static Element child(Element parent, String name) {
    for (Element e : children(parent)) {
      if (e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  private static java.util.List<Element> children(Element parent) {
    java.util.List<Element> out = new java.util.ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        out.add((Element) nodes.item(i));
      }
    }
    return out;
  }

  private static String text(Element e) {
    return e.getTextContent().trim();
  }
}
