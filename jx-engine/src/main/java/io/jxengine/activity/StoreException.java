package io.jxengine.activity;

/** The store itself failed (disk full, corrupt file); never used for a user's mistake. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
