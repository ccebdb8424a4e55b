package io.jxengine.scm.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * A hub4j connector on the JDK HTTP client that bounds both connecting and waiting for the answer.
 * hub4j's own {@code HttpClientGitHubConnector} sets no request timeout, so a provider that accepts
 * the connection and never answers would block a pipeline forever.
 *
 * <p>Redirects are not followed here: hub4j follows them itself and drops the Authorization header
 * when the host changes. A timeout surfaces as {@link java.net.http.HttpTimeoutException}, which
 * hub4j does not retry (it only retries socket errors), so a dead provider costs one timeout, not
 * three. Thread-safe: the JDK client is.
 */
final class TimeoutGitHubConnector implements GitHubConnector {
  private final HttpClient client;
  private final ProviderTimeouts timeouts;

  TimeoutGitHubConnector(ProviderTimeouts timeouts) {
    this.timeouts = timeouts;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeouts.connect())
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1: the h2c upgrade dance buys nothing for small JSON calls.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(timeouts.read());
    try {
      builder.uri(request.url().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("invalid URL " + request.url(), e);
    }
    for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
      if (header.getValue() != null) {
        builder.header(header.getKey(), String.join(", ", header.getValue()));
      }
    }
    HttpRequest.BodyPublisher body =
        request.hasBody()
            ? HttpRequest.BodyPublishers.ofByteArray(request.body().readAllBytes())
            : HttpRequest.BodyPublishers.noBody();
    builder.method(request.method(), body);
    try {
      HttpResponse<InputStream> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new Response(request, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (InterruptedIOException) new InterruptedIOException("interrupted").initCause(e);
    }
  }

  private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
    private final HttpResponse<InputStream> response;

    Response(GitHubConnectorRequest request, HttpResponse<InputStream> response) {
      super(request, response.statusCode(), response.headers().map());
      this.response = response;
    }

    @Override
    protected InputStream rawBodyStream() {
      return response.body();
    }

    @Override
    public void close() throws IOException {
      super.close();
      response.body().close();
    }
  }
}
