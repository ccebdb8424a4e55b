package io.jxengine.scm.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One provider's headers and payloads: how it names its events and deliveries, how it signs, where
 * its payloads name the repository, and how they map to {@link GitEvent}. Implementations are
 * stateless; errors in a payload are {@link MalformedPayloadException}s.
 */
interface ProviderPayloads {
  /** What a delivery id header may hold: providers send UUIDs. */
  Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  ProviderKind kind();

  /** The header whose presence says this provider sent the request. */
  String eventHeader();

  /** The delivery's id from the headers, or a stable hash of the body when none was sent. */
  String deliveryId(WebhookRequest request);

  /** The repository the payload is about, empty when it names none (organisation hooks). */
  Optional<RepoRef> repository(JsonNode root);

  /**
   * True for the events the engine maps to a {@link GitEvent} other than a ping: such a payload
   * without a repository is malformed, while any other event without one is just skipped.
   */
  boolean needsRepository(String eventName);

  /** True when the request carries a valid signature or token for {@code secret}. */
  boolean verify(String secret, WebhookRequest request);

  /** Maps a verified payload; requires {@link #repository} to have found the repository. */
  Mapping map(String eventName, RepoRef repo, JsonNode root);

  /**
   * The first of {@code headers} that was sent as a plain token ({@link #DELIVERY_ID}), else the
   * hex SHA-256 of the body: identical re-deliveries then share an id, so the engine can still
   * recognise them. Ids end up in logs, database rows and perhaps file names, so an odd header
   * value is not trusted as one.
   */
  static String deliveryIdFrom(WebhookRequest request, String... headers) {
    for (String header : headers) {
      String value = request.nonBlankHeader(header);
      if (value != null && DELIVERY_ID.matcher(value).matches()) {
        return value;
      }
    }
    return Signatures.sha256Hex(request.body());
  }

  /** The outcome of mapping one payload. */
  sealed interface Mapping {
    record Mapped(GitEvent event) implements Mapping {}

    record Skipped(String reason) implements Mapping {}

    static Mapping of(GitEvent event) {
      return new Mapped(event);
    }

    static Mapping skip(String reason) {
      return new Skipped(reason);
    }
  }
}
