package io.jxengine.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON and YAML renderings of records for {@code -o json|yaml}. */
final class Output {
  /** The {@code -o} of the listing commands. */
  enum Format {
    text,
    json,
    yaml
  }

  private Output() {}

  /**
   * Prints a listing: {@code rows} as JSON or YAML (none as {@code []}), or with {@code table}
   * for text.
   */
  static void rows(java.io.PrintWriter out, Format format, java.util.List<?> rows, Runnable table) {
    switch (format) {
      case json -> out.println(json(rows));
      case yaml -> out.print(rows.isEmpty() ? "[]\n" : yaml(rows));
      default -> table.run();
    }
    out.flush();
  }

  static String json(Object value) {
    return write(new ObjectMapper(), value);
  }

  static String yaml(Object value) {
    return write(
        new ObjectMapper(
            new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)),
        value);
  }

  private static String write(ObjectMapper mapper, Object value) {
    mapper.registerModule(new JavaTimeModule());
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    try {
      return mapper.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render output", e);
    }
  }
}
