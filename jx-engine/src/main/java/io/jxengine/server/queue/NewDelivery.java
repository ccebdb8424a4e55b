package io.jxengine.server.queue;

import io.jxengine.scm.ProviderKind;
import java.util.Map;

/**
 * A verified delivery to store before answering the provider.
 *
 * @param headers the request headers, with secret-bearing ones already redacted
 * @param body the raw body, kept for audit and re-delivery; not copied
 * @param repositoryId the registered repository it is about
 * @param eventKind the mapped event's kind ({@link GitEventCodec#kind})
 * @param eventJson the mapped event ({@link GitEventCodec#encode}), so the worker needs no secret
 */
public record NewDelivery(
    ProviderKind provider,
    String deliveryId,
    String eventName,
    Map<String, String> headers,
    byte[] body,
    long repositoryId,
    String eventKind,
    String eventJson) {
  public NewDelivery {
    headers = Map.copyOf(headers);
  }
}
