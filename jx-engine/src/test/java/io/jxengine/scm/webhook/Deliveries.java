package io.jxengine.scm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Builds webhook requests as each provider sends them, signed with a given secret. */
final class Deliveries {
  static final ObjectMapper JSON = new ObjectMapper();

  private Deliveries() {}

  static WebhookRequest github(String event, String delivery, String secret, byte[] body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-GitHub-Event", event);
    headers.put("X-GitHub-Delivery", delivery);
    headers.put("Content-Type", "application/json");
    if (secret != null) {
      headers.put("X-Hub-Signature-256", Signatures.signGitHub(secret, body));
    }
    return new WebhookRequest(headers, body);
  }

  static WebhookRequest gitlab(String event, String token, byte[] body, String... extraHeaders) {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Gitlab-Event", event);
    headers.put("Content-Type", "application/json");
    if (token != null) {
      headers.put("X-Gitlab-Token", token);
    }
    for (int i = 0; i < extraHeaders.length; i += 2) {
      headers.put(extraHeaders[i], extraHeaders[i + 1]);
    }
    return new WebhookRequest(headers, body);
  }

  /** Gitea also sends GitHub's and Gogs' event headers; the handler must still see Gitea. */
  static WebhookRequest gitea(String event, String delivery, String secret, byte[] body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("X-Gitea-Event", event);
    headers.put("X-Gitea-Delivery", delivery);
    headers.put("X-GitHub-Event", event);
    headers.put("X-GitHub-Delivery", delivery);
    headers.put("X-Gogs-Event", event);
    headers.put("Content-Type", "application/json");
    if (secret != null) {
      headers.put("X-Gitea-Signature", Signatures.signGitea(secret, body));
    }
    return new WebhookRequest(headers, body);
  }

  static ObjectNode resource(String path) {
    try (InputStream in = Deliveries.class.getResourceAsStream("/webhooks/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource webhooks/" + path);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
