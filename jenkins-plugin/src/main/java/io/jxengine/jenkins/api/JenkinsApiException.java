package io.jxengine.jenkins.api;

/**
 * A refused Jenkins API request: the HTTP status and a one-line reason for the client. Thrown
 * by parsing and validation; the routes turn it into the answer, never into a stack trace.
 */
public final class JenkinsApiException extends RuntimeException {
  private final int status;

  public JenkinsApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static JenkinsApiException badRequest(String message) {
    return new JenkinsApiException(400, message);
  }

  static JenkinsApiException notFound(String message) {
    return new JenkinsApiException(404, message);
  }
}
