package io.jxengine.jenkins.controller;

/**
 * A Jenkins controller could not be used: unreachable, refused the credentials, answered with an
 * error or with something that is not Jenkins JSON. The message is one line that names the
 * controller and says what to check; {@link #status} is the HTTP status (0 when there was no
 * answer).
 */
public class JenkinsException extends RuntimeException {
  private final int status;

  public JenkinsException(String message, int status) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public boolean notFound() {
    return status == 404;
  }
}
