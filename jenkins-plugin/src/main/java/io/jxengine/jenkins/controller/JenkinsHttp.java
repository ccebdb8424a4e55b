package io.jxengine.jenkins.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HTTP to one Jenkins controller: every request with HTTP basic authentication (user and API
 * token, sent up front: Jenkins does not challenge API clients), answers read up to a size cap,
 * failures turned into one-line {@link JenkinsException}s.
 *
 * <p>POSTs carry a CSRF crumb when the controller issues one ({@code crumbIssuer/api/json}; a 404
 * there means CSRF protection is off, or the controller is older than crumbs). A 403 to a POST is
 * retried once with a fresh crumb, since crumbs expire with the web session they were issued
 * in; the session cookie is kept for that reason. Thread-safe.
 */
final class JenkinsHttp {
  static final int MAX_JSON_BYTES = 8 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status, the headers Jenkins uses, the body. */
  record Response(int status, Map<String, java.util.List<String>> headers, String body) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst();
    }
  }

  /** A CSRF crumb and the header it goes in. */
  record Crumb(String field, String value) {}

  private final Controller controller;
  private final String authorization;
  private final HttpClient client;
  private final Duration timeout;
  private Optional<Crumb> crumb;

  JenkinsHttp(Controller controller, String token, Duration timeout) {
    this.controller = controller;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (controller.user() + ":" + token).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .cookieHandler(new CookieManager())
        // Jenkins answers a build request with 201 and the queue item in Location: read it,
        // never follow it
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  Controller controller() {
    return controller;
  }

  /** GETs {@code path} (relative to the controller's URL) and parses the JSON answer. */
  JsonNode getJson(String path, Map<String, String> query) {
    Response r = get(path, query, MAX_JSON_BYTES);
    JsonNode node;
    try {
      node = JSON.readTree(r.body());
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new JenkinsException(prefix() + uri(path, query).getPath()
          + " answered something that is not Jenkins JSON (is the URL a Jenkins controller?)",
          r.status());
    }
    return node;
  }

  /** GETs {@code path}; an answer longer than {@code maxBytes} is a {@link JenkinsException}. */
  Response get(String path, Map<String, String> query, int maxBytes) {
    HttpRequest request = base(uri(path, query)).GET().build();
    Response r = send(request, maxBytes);
    failUnlessOk(r, request);
    return r;
  }

  /**
   * POSTs a form to {@code path} with a crumb when the controller wants one, retrying once with a
   * fresh crumb on 403. Returns the answer (2xx or 3xx).
   */
  Response post(String path, Map<String, String> form) {
    HttpRequest request = postRequest(path, form, crumb(false));
    Response r = send(request, MAX_JSON_BYTES);
    if (r.status() == 403) {
      Optional<Crumb> fresh = crumb(true);
      if (fresh.isPresent()) {
        request = postRequest(path, form, fresh);
        r = send(request, MAX_JSON_BYTES);
      }
    }
    failUnlessOk(r, request);
    return r;
  }

  private HttpRequest postRequest(String path, Map<String, String> form, Optional<Crumb> c) {
    HttpRequest.Builder b = base(uri(path, Map.of()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    c.ifPresent(value -> b.header(value.field(), value.value()));
    return b.build();
  }

  /** The crumb to send: the one already fetched unless {@code fresh}; empty when none is issued. */
  private synchronized Optional<Crumb> crumb(boolean fresh) {
    if (crumb != null && !fresh) {
      return crumb;
    }
    HttpRequest request = base(uri("crumbIssuer/api/json", Map.of())).GET().build();
    Response r = send(request, 64 * 1024);
    if (r.status() == 404) {
      crumb = Optional.empty();
      return crumb;
    }
    failUnlessOk(r, request);
    try {
      JsonNode n = JSON.readTree(r.body());
      String field = n.path("crumbRequestField").asText("");
      String value = n.path("crumb").asText("");
      // both go into a request header: no spaces, no line breaks, bounded
      if (!field.matches("[A-Za-z0-9._-]{1,64}") || !value.matches("[\\x21-\\x7e]{1,512}")) {
        throw new JenkinsException(prefix() + "crumbIssuer/api/json has no usable crumb", 200);
      }
      crumb = Optional.of(new Crumb(field, value));
      return crumb;
    } catch (JsonProcessingException e) {
      throw new JenkinsException(prefix() + "crumbIssuer/api/json is not Jenkins JSON", 200);
    }
  }

  URI uri(String path, Map<String, String> query) {
    String q = query.isEmpty() ? "" : "?" + encode(query);
    return controller.url().resolve(path + q);
  }

  private HttpRequest.Builder base(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json, text/plain;q=0.9");
  }

  private Response send(HttpRequest request, int maxBytes) {
    HttpResponse<InputStream> answer;
    try {
      answer = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new JenkinsException(prefix() + "no answer from " + controller.url() + " within "
          + timeout.toSeconds() + "s", 0);
    } catch (IOException e) {
      throw new JenkinsException(prefix() + "cannot reach " + controller.url() + ": "
          + oneLine(e), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JenkinsException(prefix() + "interrupted", 0);
    }
    try (InputStream in = answer.body()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw new JenkinsException(prefix() + request.uri().getPath() + " answered more than "
            + maxBytes / 1024 + " KiB", answer.statusCode());
      }
      return new Response(answer.statusCode(), answer.headers().map(),
          new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new JenkinsException(prefix() + "the answer from " + controller.url()
          + " broke off: " + oneLine(e), answer.statusCode());
    }
  }

  private void failUnlessOk(Response r, HttpRequest request) {
    int s = r.status();
    if (s < 400) {
      return;
    }
    String where = request.method() + " " + request.uri().getPath();
    String why = switch (s) {
      case 401 -> "the controller refused user `" + controller.user() + "` and the API token in"
          + " secret " + controller.tokenSecret() + " (401)";
      case 403 -> "user `" + controller.user() + "` may not do this (403)";
      case 404 -> "not found (404)";
      default -> "the controller answered " + s;
    };
    throw new JenkinsException(prefix() + where + ": " + why, s);
  }

  private String prefix() {
    return "controller " + controller.name() + ": ";
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The first line of the first message in the cause chain, in words a user can act on. */
  private static String oneLine(Exception e) {
    String m = null;
    for (Throwable t = e; t != null && m == null; t = t.getCause()) {
      m = t.getMessage();
    }
    if (m == null) {
      m = e instanceof java.net.ConnectException ? "connection refused"
          : e instanceof java.nio.channels.UnresolvedAddressException ? "unknown host"
          : "the connection failed";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
