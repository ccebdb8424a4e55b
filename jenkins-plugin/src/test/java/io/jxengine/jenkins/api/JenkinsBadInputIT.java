package io.jxengine.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The bad input through the Jenkins API: each refused with its status, nothing stored. */
class JenkinsBadInputIT {
  @TempDir Path dir;
  JenkinsApiServer server;
  JenkinsHttp api;

  @BeforeEach
  void start() throws Exception {
    server = new JenkinsApiServer(dir);
    api = new JenkinsHttp(server.url(), JenkinsApiServer.USER, server.token);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private Path jobs() {
    return JenkinsApiExtension.jenkinsHome(server.home.root()).resolve("jobs");
  }

  private boolean nothingStored() throws Exception {
    return !Files.exists(jobs()) || Files.list(jobs()).findAny().isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"doctype.xml", "external-dtd.xml", "billion-laughs.xml"})
  void aDtdOrEntityIs400AndNothingIsStored(String fixture) throws Exception {
    HttpResponse<String> r = api.post("createItem?name=evil", Fixtures.job(fixture));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("root:");
    assertThat(nothingStored()).isTrue();
    assertThat(api.get("job/evil/config.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void aDtdInAnUpdateIs400AndTheOldConfigStays() throws Exception {
    String good = Fixtures.freestyle("echo ok");
    api.post("createItem?name=job", good);
    assertThat(api.post("job/job/config.xml", Fixtures.job("doctype.xml")).statusCode())
        .isEqualTo(400);
    assertThat(api.get("job/job/config.xml").body()).isEqualTo(good);
  }

  @Test
  void xincludeIsNotFollowed() throws Exception {
    api.post("createItem?name=inc", Fixtures.job("xinclude.xml"));
    assertThat(api.json("job/inc/api/json").path("description").asText()).doesNotContain("root:");
  }

  @Test
  void anOversizedConfigIs413AndNothingIsStored() throws Exception {
    byte[] big = new byte[JobConfigParser.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    byte[] head = "<project><description>".getBytes();
    System.arraycopy(head, 0, big, 0, head.length);
    assertThat(api.post("createItem?name=big", big).statusCode()).isEqualTo(413);
    assertThat(nothingStored()).isTrue();
  }

  @Test
  void aWrongTokenIs401() throws Exception {
    JenkinsHttp wrong = new JenkinsHttp(server.url(), JenkinsApiServer.USER, "not-the-token");
    HttpResponse<String> r = wrong.get("api/json");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Basic"));
    assertThat(wrong.post("createItem?name=x", Fixtures.freestyle("true")).statusCode())
        .isEqualTo(401);
    assertThat(new JenkinsHttp(server.url(), "mallory", server.token).get("api/json")
        .statusCode()).isEqualTo(401);
    assertThat(new JenkinsHttp(server.url(), null, null).get("api/json").statusCode())
        .isEqualTo(401);
    assertThat(nothingStored()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "a%2Fb", "a/b", "..%2F..%2Fetc", "a%5Cb", "tab%09name",
      "nul%00", "%0A", "x%3A"})
  void aBadJobNameIs400(String name) throws Exception {
    assertThat(api.post("createItem?name=" + name, Fixtures.freestyle("true")).statusCode())
        .isEqualTo(400);
    assertThat(nothingStored()).isTrue();
  }

  @Test
  void aBadNameInTheUrlIs400() throws Exception {
    assertThat(api.get("job/..%2F..%2Fetc/config.xml").statusCode()).isEqualTo(400);
    assertThat(api.get("job/a%2Fb/api/json").statusCode()).isEqualTo(400);
  }

  @Test
  void anUnknownJobTypeIs400() throws Exception {
    assertThat(api.post("createItem?name=m", "<maven2-moduleset/>").statusCode()).isEqualTo(400);
    assertThat(nothingStored()).isTrue();
  }

  @Test
  void malformedXmlAndTreeAre400() throws Exception {
    assertThat(api.post("createItem?name=m", "<project>").statusCode()).isEqualTo(400);
    assertThat(api.get("api/json?tree=jobs%5Bname").statusCode()).isEqualTo(400);
  }
}
