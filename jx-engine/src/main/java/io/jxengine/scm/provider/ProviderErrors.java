package io.jxengine.scm.provider;

import io.jxengine.scm.GitProviderException;
import java.io.FileNotFoundException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import org.gitlab4j.api.GitLabApiException;
import org.kohsuke.github.HttpException;

/**
 * Turns what the client libraries throw into {@link GitProviderException}s that name the operation
 * and the repository, carry the HTTP status (0 when nothing answered), and never contain the token.
 */
final class ProviderErrors {
  /** Provider error bodies can be whole HTML pages; the first part says enough. */
  private static final int MAX_DETAIL = 300;

  private ProviderErrors() {}

  /**
   * hub4j reports 404 as a {@link FileNotFoundException} and other statuses as {@link
   * HttpException}.
   */
  static GitProviderException gitHub(String operation, String target, Exception e, String token) {
    int status;
    if (e instanceof FileNotFoundException) {
      status = 404;
    } else if (e instanceof HttpException http) {
      status = Math.max(0, http.getResponseCode());
    } else {
      status = 0;
    }
    return build("GitHub", operation, target, status, e, token);
  }

  /** gitlab4j reports the status it got, or 0 when the request never got an answer. */
  static GitProviderException gitLab(String operation, String target, Exception e, String token) {
    int status = e instanceof GitLabApiException gl ? Math.max(0, gl.getHttpStatus()) : 0;
    return build("GitLab", operation, target, status, e, token);
  }

  static GitProviderException build(
      String provider, String operation, String target, int status, Throwable e, String token) {
    StringBuilder message = new StringBuilder(provider).append(' ').append(operation);
    message.append(" for ").append(target).append(" failed: ");
    message.append(status == 0 ? noAnswer(e) : "HTTP " + status);
    String detail = detail(e);
    if (!detail.isEmpty()) {
      message.append(" (").append(detail).append(')');
    }
    return new GitProviderException(status, scrub(message.toString(), token), e);
  }

  private static String noAnswer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
        return "no answer in time";
      }
    }
    return "no answer";
  }

  private static String detail(Throwable e) {
    String text = e == null ? null : e.getMessage();
    if (text == null || text.isBlank()) {
      return "";
    }
    text = text.strip().replaceAll("\\s+", " ");
    return StatusMapping.truncate(text, MAX_DETAIL);
  }

  /** Belt and braces: a library message must never leak the token into logs. */
  static String scrub(String text, String token) {
    if (token == null || token.isEmpty() || text == null) {
      return text;
    }
    return text.replace(token, "****");
  }
}
