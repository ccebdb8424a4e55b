package io.jxengine.cli;

/** A mistake in how the user called a command (no such build, nothing running): one line, no trace. */
final class UserException extends RuntimeException {
  private final int exitCode;

  UserException(String message) {
    this(message, ExitCodes.FAILED);
  }

  UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
