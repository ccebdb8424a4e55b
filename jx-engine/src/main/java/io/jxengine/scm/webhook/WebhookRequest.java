package io.jxengine.scm.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP delivery as the server received it: its headers and its raw body. The body is kept as
 * bytes because signatures are computed over the exact bytes sent, never over a re-encoding.
 *
 * @param headers header names in any case; they are normalised to lower case (when two names differ
 *     only in case, one of them wins: providers never send both)
 * @param body the raw request body, never null (an empty array when there was none); not copied,
 *     since it may be 25 MB: callers must not change it afterwards
 */
public record WebhookRequest(Map<String, String> headers, byte[] body) {
  public WebhookRequest {
    Map<String, String> lower = new TreeMap<>();
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              lower.put(name.toLowerCase(Locale.ROOT), value);
            }
          });
    }
    headers = Map.copyOf(lower);
    body = body == null ? new byte[0] : body;
  }

  /** The value of header {@code name} (any case), or null when it was not sent. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The value of header {@code name}, or null when it was not sent or is blank. */
  String nonBlankHeader(String name) {
    String value = header(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
