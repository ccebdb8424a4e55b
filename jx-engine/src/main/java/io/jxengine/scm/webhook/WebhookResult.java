package io.jxengine.scm.webhook;

import io.jxengine.scm.GitEvent;
import io.jxengine.scm.ProviderKind;

/**
 * What {@link WebhookHandler} decided about one delivery. The server answers {@link Accepted} and
 * {@link Ignored} with 2xx (202 for Ignored), and {@link Rejected} with its status. Reasons are
 * short English sentences for the HTTP answer and the log; they never repeat values from the
 * payload, so nothing untrusted is reflected back to the caller.
 */
public sealed interface WebhookResult {

  /**
   * A verified delivery the engine understands; {@code event} is ready for the trigger layer.
   *
   * @param deliveryId the provider's delivery id when it is a plain token of at most 128 letters,
   *     digits and {@code . _ : -}, else the hex SHA-256 of the body
   */
  record Accepted(ProviderKind provider, String deliveryId, String eventName, GitEvent event)
      implements WebhookResult {}

  /**
   * A delivery the engine does not act on (an event it has no use for, or one without a
   * repository). Verified whenever the payload names a repository. Answer with HTTP 202.
   */
  record Ignored(ProviderKind provider, String deliveryId, String eventName, String reason)
      implements WebhookResult {}

  /**
   * A delivery refused: 400 malformed (no provider header, not JSON, required field missing), 401
   * signature or token missing or wrong, 404 repository not registered, 413 body too big.
   */
  record Rejected(int httpStatus, String reason) implements WebhookResult {
    public static final int MALFORMED = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int UNKNOWN_REPOSITORY = 404;
    public static final int TOO_LARGE = 413;
  }
}
