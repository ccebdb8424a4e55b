package io.jxengine.scm.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Parsing of untrusted payloads into a tree, and null-safe reads from it. The parser is bounded
 * (nesting depth, string, number and document length) so a hostile body cannot exhaust the stack or
 * the heap, and its errors never quote the input. Thread-safe.
 */
final class Json {
  /** Real payloads nest about ten levels deep; anything near this limit is hostile. */
  static final int MAX_NESTING_DEPTH = 64;

  /** Generous for PR bodies and diffs in GitLab notes, far below the body cap. */
  static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(MAX_STRING_LENGTH)
                          .maxNumberLength(64)
                          .maxDocumentLength(WebhookHandler.MAX_BODY_BYTES)
                          .build())
                  .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /** The body as a JSON object. */
  static JsonNode parseObject(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new MalformedPayloadException(
          "the body is not valid JSON within the engine's limits (is the hook's content type"
              + " application/json?)");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedPayloadException("the body is not a JSON object");
    }
    return root;
  }

  /** The node at {@code path}, a missing node when any step is absent. */
  static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String step : path) {
      current = current.path(step);
    }
    return current;
  }

  /** True when the node at {@code path} exists and is not JSON null. */
  static boolean present(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    return !n.isMissingNode() && !n.isNull();
  }

  /** The scalar at {@code path} as text (numbers too), or null when absent, null or not scalar. */
  static String text(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  static String requiredText(JsonNode node, String... path) {
    String value = text(node, path);
    if (value == null) {
      throw missing(path);
    }
    return value;
  }

  /** The boolean at {@code path}; false when absent or not a boolean. */
  static boolean bool(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    return n.isBoolean() && n.booleanValue();
  }

  static int requiredInt(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw missing(path);
    }
    return n.intValue();
  }

  static long requiredLong(JsonNode node, String... path) {
    JsonNode n = at(node, path);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw missing(path);
    }
    return n.longValue();
  }

  static MalformedPayloadException missing(String... path) {
    return new MalformedPayloadException(
        "the payload has no usable field " + String.join(".", path));
  }
}
