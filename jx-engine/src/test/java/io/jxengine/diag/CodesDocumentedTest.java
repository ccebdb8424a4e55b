package io.jxengine.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every code has a message in the bundle and a row in the syntax doc's table. */
class CodesDocumentedTest {
  @Test
  void everyCodeHasAMessageAndIsDocumented() throws Exception {
    ResourceBundle bundle = ResourceBundle.getBundle("io.jxengine.diag.messages");
    String doc = Files.readString(Path.of("..", "docs", "pipeline-syntax.md"));
    for (Code code : Code.values()) {
      assertThat(bundle.containsKey(code.id())).as("message for %s", code.id()).isTrue();
      if (code.id().startsWith("JX5")) {
        assertThat(doc).as("doc row for %s", code.id()).contains("| " + code.id() + " |");
      }
    }
  }
}
