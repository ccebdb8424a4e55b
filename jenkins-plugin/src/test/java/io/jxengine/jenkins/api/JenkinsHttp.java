package io.jxengine.jenkins.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small Jenkins API client over java.net.http for the tests: basic auth, raw answers. */
final class JenkinsHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String auth;

  JenkinsHttp(String base, String user, String token) {
    this.base = base;
    this.auth = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return post(path, body.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A POST without a body, with extra headers (name, value, name, value ...). */
  HttpResponse<String> postHeaders(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b);
  }

  JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
