package io.jxengine.compile.tekton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.fabric8.kubernetes.api.model.Duration;
import io.jxengine.parse.GoDuration;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Kubernetes objects as YAML (what {@code kubectl apply -f} takes) and as JSON (what the API
 * server receives), normalised: fields in the model's declared order, map entries sorted by key,
 * so the output is stable for golden files. Thread-safe.
 */
public final class KubeYaml {
  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  // label and env values such as `7` must stay strings for the API server
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .build())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .addMixIn(Duration.class, GoDurationMixIn.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .addMixIn(Duration.class, GoDurationMixIn.class);

  /** fabric8 writes durations in nanoseconds ({@code 300000000000ns}); write {@code 5m0s}. */
  @JsonSerialize(using = GoDurationSerializer.class)
  private abstract static class GoDurationMixIn {}

  private static final class GoDurationSerializer extends StdSerializer<Duration> {
    GoDurationSerializer() {
      super(Duration.class);
    }

    @Override
    public void serialize(Duration d, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(GoDuration.format(d.getDuration()));
    }
  }

  private KubeYaml() {}

  public static String yaml(Object o) {
    try {
      return YAML.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Kubernetes model object did not serialise", e);
    }
  }

  /** Compact JSON, the form whose size counts against the API server's request limit. */
  public static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a Kubernetes model object did not serialise", e);
    }
  }
}
