package io.jxengine.server.api;

/**
 * Decides whether a bearer token may change state through the API (stop, re-run, approve), and
 * as whom. Thread-safe.
 * Implementations compare in constant time, so the answer's timing does not tell how much of a
 * guess was right.
 */
public interface TokenVerifier {
  /** Who a token without a user name acts as; approval gates that name submitters refuse it. */
  String ANONYMOUS = "api-token";

  /** True when {@code bearerToken} (without the {@code Bearer } prefix) is a valid token. */
  boolean isValid(String bearerToken);

  /**
   * The user a valid token acts as (for approval gates' {@code submitters}), {@link #ANONYMOUS}
   * for a token that names none; empty when the token is not valid.
   */
  default java.util.Optional<String> user(String bearerToken) {
    return isValid(bearerToken) ? java.util.Optional.of(ANONYMOUS) : java.util.Optional.empty();
  }
}
