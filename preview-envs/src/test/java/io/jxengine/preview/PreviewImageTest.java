package io.jxengine.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The catalog step {@code preview} runs, on a cluster, the image this module's Jib profile
 * builds: same repository, tagged with the project version. Reads both files.
 */
class PreviewImageTest {
  @Test
  void thePreviewStepNamesTheImageJibBuilds() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile());
    Element root = pom.getDocumentElement();
    String version = text(root, "parent", "version");
    String repository = null;
    NodeList profiles = root.getElementsByTagName("profile");
    for (int i = 0; i < profiles.getLength(); i++) {
      Element p = (Element) profiles.item(i);
      if ("image".equals(p.getElementsByTagName("id").item(0).getTextContent().trim())) {
        repository = p.getElementsByTagName("jxe.image.repository").item(0).getTextContent().trim();
      }
    }
    JsonNode step = new ObjectMapper(new YAMLFactory())
        .readTree(Path.of("..", "pipelines", "catalog", "steps", "preview.yaml").toFile());

    assertThat(repository).isNotNull();
    assertThat(step.at("/step/image").asText()).isEqualTo(repository + ":" + version);
  }

  private static String text(Element root, String parent, String child) {
    Element p = (Element) root.getElementsByTagName(parent).item(0);
    return p.getElementsByTagName(child).item(0).getTextContent().trim();
  }
}
