package io.jxengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jxengine.golden.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The editor schema accepts what the parser accepts, and lists the same keys per object. */
class PipelineSchemaTest {
  private static final Path SCHEMA = Path.of("..", "docs", "schema", "pipeline.schema.json");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schemaJson() throws IOException {
    return JSON.readTree(SCHEMA.toFile());
  }

  private static JsonSchema pipelineSchema() throws IOException {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson());
  }

  /** The same document with {@code #/definitions/catalogEntry} as its root. */
  private static JsonSchema catalogSchema() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("$ref", "#/definitions/catalogEntry");
    root.set("definitions", schemaJson().get("definitions"));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
  }

  private static Set<ValidationMessage> validate(JsonSchema schema, Path yaml) throws IOException {
    return schema.validate(YAML.readTree(yaml.toFile()));
  }

  @Test
  void everyOkGoldenPipelineValidates() throws IOException {
    JsonSchema schema = pipelineSchema();
    List<Path> files = new ArrayList<>();
    for (Path dir : Golden.cases("lint")) {
      if (!Golden.mustFail(dir)) {
        files.add(dir.resolve("pipeline.yaml"));
      }
    }
    for (Path dir : Golden.cases("effective")) {
      files.add(dir.resolve("pipeline.yaml"));
      files.add(dir.resolve("expected.yaml"));
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      assertThat(validate(schema, f)).as(f.toString()).isEmpty();
    }
  }

  @Test
  void theJunitStepNeedsPathsAndKnowsItsParameters() throws IOException {
    JsonSchema schema = pipelineSchema();
    String ok = """
        stages:
          - name: test
            steps:
              - run: make test
            post:
              always:
                - uses: junit
                  with: {paths: "target/*.xml", allow_empty: true, allow_failures: "false"}
        """;
    assertThat(schema.validate(YAML.readTree(ok))).isEmpty();
    assertThat(schema.validate(YAML.readTree(ok.replace("paths:", "path:")))).isNotEmpty();
    assertThat(schema.validate(YAML.readTree(ok.replace("allow_empty: true", "allow_empty: maybe")))).isNotEmpty();
  }

  @Test
  void shapeMistakesAreInvalidForEditorsToo() throws IOException {
    JsonSchema schema = pipelineSchema();
    for (String c : List.of("unknown-key-fails", "wrong-type-fails", "run-and-uses-fails", "bad-duration-fails",
        "missing-stage-name-fails", "missing-run-fails", "unknown-event-fails", "negative-retries-fails", "bad-dir-fails")) {
      assertThat(validate(schema, Golden.ROOT.resolve("lint").resolve(c).resolve("pipeline.yaml"))).as(c).isNotEmpty();
    }
  }

  @Test
  void everyCatalogEntryValidates() throws IOException {
    JsonSchema schema = catalogSchema();
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Golden.BUILT_IN_CATALOG, Golden.ROOT.resolve("catalog"))) {
      for (String kind : List.of("steps", "stages")) {
        try (Stream<Path> s = Files.list(root.resolve(kind))) {
          s.forEach(files::add);
        }
      }
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    for (Path f : files) {
      assertThat(validate(schema, f)).as(f.toString()).isEmpty();
    }
    ObjectNode broken = (ObjectNode) YAML.readTree("kind: Step\nstage: {steps: []}\n");
    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @Test
  void schemaPropertiesEqualTheParsersKeys() throws IOException {
    JsonNode schema = schemaJson();
    for (Map.Entry<String, List<String>> e : Keys.bySchemaDefinition().entrySet()) {
      JsonNode def = e.getKey().equals("pipeline") ? schema : schema.get("definitions").get(e.getKey());
      assertThat(def).as("definition %s", e.getKey()).isNotNull();
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = def.get("properties").fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      assertThat(names).as(e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
      assertThat(def.get("additionalProperties").asBoolean(true)).as(e.getKey()).isFalse();
    }
  }
}
