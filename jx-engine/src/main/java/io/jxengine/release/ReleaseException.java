package io.jxengine.release;

/**
 * A release step cannot do what was asked because of the user's input or repository (a version
 * that is not semver, a dirty working tree, a tag that already names another commit, a push the
 * remote refused). The message is one line for the user; the CLI exits 1 with it.
 */
public final class ReleaseException extends RuntimeException {
  public ReleaseException(String message) {
    super(message);
  }

  public ReleaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
