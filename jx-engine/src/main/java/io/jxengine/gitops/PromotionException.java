package io.jxengine.gitops;

/**
 * A promotion could not go on: git or the provider failed, or the request names something that
 * does not exist. The message is for the user (one line, names what failed and why).
 */
public class PromotionException extends RuntimeException {
  public PromotionException(String message, Throwable cause) {
    super(message, cause);
  }
}
