package io.jxengine.scm.webhook;

/**
 * A payload that cannot be what it claims to be (not JSON, a required field missing). Internal to
 * the package: {@link WebhookHandler} turns it into a 400 {@link WebhookResult.Rejected}. The
 * message names fields, never payload values, because it is sent back to the caller.
 */
final class MalformedPayloadException extends RuntimeException {
  MalformedPayloadException(String message) {
    super(message, null, false, false);
  }
}
