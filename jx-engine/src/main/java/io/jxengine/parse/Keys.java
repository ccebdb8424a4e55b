package io.jxengine.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allowed keys of every object of the native format, in the order the effective YAML writes
 * them. The JSON Schema ({@code docs/schema/pipeline.schema.json}) must list exactly these; a
 * test keeps the two in sync.
 */
public final class Keys {
  public static final List<String> PIPELINE =
      List.of("name", "image", "env", "secrets", "options", "triggers", "stages", "finally", "post");
  public static final List<String> OPTIONS = List.of("timeout", "concurrency");
  public static final List<String> STAGE =
      List.of(
          "name", "needs", "uses", "with", "image", "env", "secrets", "when", "timeout", "steps",
          "post");
  public static final List<String> STEP =
      List.of(
          "name", "uses", "with", "run", "approval", "image", "dir", "env", "timeout", "retries",
          "privileged", "volumes");
  public static final List<String> APPROVAL = List.of("message", "ok", "submitters", "timeout");
  public static final List<String> VOLUME = List.of("secret", "hostPath", "path");
  public static final List<String> POST = List.of("always", "success", "failure");
  public static final List<String> WHEN =
      List.of("branch", "tag", "event", "paths", "cluster", "env");
  public static final List<String> SECRET = List.of("env", "secret", "key");
  public static final List<String> TRIGGERS = List.of("push", "pull_request", "comment", "cron");
  public static final List<String> PUSH = List.of("branches", "tags", "paths", "ignore_paths");
  public static final List<String> PULL_REQUEST = List.of("branches", "paths", "ignore_paths", "cancel_superseded");
  public static final List<String> CRON = List.of("schedule", "branch");
  public static final List<String> CATALOG_ENTRY =
      List.of("kind", "name", "description", "params", "step", "stage");
  public static final List<String> CATALOG_PARAM = List.of("name", "description", "default");
  /** A catalog step: any step key except {@code uses}/{@code with}. */
  public static final List<String> CATALOG_STEP =
      List.of("name", "run", "image", "dir", "env", "timeout", "retries", "privileged", "volumes");
  /** A catalog stage: any stage key except {@code name}, {@code needs} and {@code uses}/{@code with}. */
  public static final List<String> CATALOG_STAGE =
      List.of("image", "env", "secrets", "when", "timeout", "steps", "post");

  /** Every object by the name its definition has in the JSON Schema's {@code $defs}. */
  public static Map<String, List<String>> bySchemaDefinition() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("pipeline", PIPELINE);
    m.put("options", OPTIONS);
    m.put("stage", STAGE);
    m.put("step", STEP);
    m.put("approval", APPROVAL);
    m.put("volume", VOLUME);
    m.put("post", POST);
    m.put("when", WHEN);
    m.put("secret", SECRET);
    m.put("triggers", TRIGGERS);
    m.put("push", PUSH);
    m.put("pullRequest", PULL_REQUEST);
    m.put("cron", CRON);
    m.put("catalogEntry", CATALOG_ENTRY);
    m.put("catalogParam", CATALOG_PARAM);
    m.put("catalogStep", CATALOG_STEP);
    m.put("catalogStage", CATALOG_STAGE);
    return m;
  }

  private Keys() {}
}
