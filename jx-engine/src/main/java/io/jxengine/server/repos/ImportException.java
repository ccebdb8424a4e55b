package io.jxengine.server.repos;

/** A repository cannot be imported as asked (not a repository, a foreign hook, a bad name). */
public final class ImportException extends RuntimeException {
  public ImportException(String message) {
    super(message);
  }
}
