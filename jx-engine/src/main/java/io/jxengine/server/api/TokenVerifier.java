package io.jxengine.server.api;

/**
 * Decides whether a bearer token may change state through the API (stop, re-run). Thread-safe.
 * Implementations compare in constant time, so the answer's timing does not tell how much of a
 * guess was right.
 */
public interface TokenVerifier {
  /** True when {@code bearerToken} (without the {@code Bearer } prefix) is a valid token. */
  boolean isValid(String bearerToken);
}
