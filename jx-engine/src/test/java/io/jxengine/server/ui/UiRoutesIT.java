package io.jxengine.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.server.api.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The UI's pages and assets over HTTP: served locally, with a strict policy, nothing else. */
class UiRoutesIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/repositories", "/runs/42"})
  void pagesAreHtmlWithAStrictContentSecurityPolicy(String path) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(UiRoutes.CSP);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // everything the page loads comes from this server
    assertThat(r.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  void everyAssetAPageNamesIsServed() throws Exception {
    for (String page : new String[] {"/", "/repositories", "/runs/1"}) {
      var assets = java.util.regex.Pattern.compile("(?:src|href)=\"(/ui/[^\"]+)\"")
          .matcher(get(page).body()).results().map(m -> m.group(1)).toList();
      assertThat(assets).isNotEmpty();
      for (String asset : assets) {
        assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
      }
    }
    assertThat(get("/ui/run.js").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(get("/ui/app.css").headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ui/missing.js", "/ui/run.html", "/ui/..%2Fui%2Frun.js",
      "/ui/%2e%2e%2fjxe.db", "/ui/RUN.JS", "/runs/abc", "/runs/0"})
  void anythingElseIsNotFound(String path) throws Exception {
    assertThat(get(path).statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
