package io.jxengine.scm;

/**
 * The provider's API refused or failed: carries the HTTP status (0 when there was no answer, such
 * as a timeout) so callers can tell "not found" from "try again".
 */
public class GitProviderException extends RuntimeException {
  private final int status;

  public GitProviderException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
