package io.jxengine.jenkins.controller;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A recorded Jenkins controller on WireMock: the answers of {@code src/test/resources/
 * jenkins-controller/}, written from the shapes Jenkins' remote API and pipeline-stage-view
 * document. Jobs: {@code hello} (freestyle, builds 1 and 2), {@code team/app} (pipeline, build 7
 * running or finished), {@code team/service/main} (a branch of a multibranch project). Every stub
 * requires the user's basic authentication, as a controller with security does.
 */
final class JenkinsFixtures {
  static final String USER = "alice";
  static final String TOKEN = "11a9e6b1f0c2d3e4f5a6b7c8d9e0f1a2b3";
  static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
      (USER + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));

  private JenkinsFixtures() {}

  static String read(String name) {
    try (InputStream in = JenkinsFixtures.class.getResourceAsStream("/jenkins-controller/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves the whole recorded controller with build 7 of team/app still running. */
  static void serveController(WireMockExtension wm) {
    json(wm, "/api/json", "root-jobs.json");
    json(wm, "/job/team/api/json", "team-jobs.json");
    json(wm, "/job/team/job/service/api/json", "service-jobs.json");
    json(wm, "/job/hello/api/json", "hello-builds.json");
    json(wm, "/job/hello/1/api/json", "hello-1.json");
    json(wm, "/job/hello/2/api/json", "hello-2.json");
    text(wm, "/job/hello/1/consoleText", "hello-1-console.txt");
    text(wm, "/job/hello/2/consoleText", "hello-2-console.txt");
    json(wm, "/job/team/job/app/api/json", "app-builds.json");
    serveAppBuild(wm, false);
    json(wm, "/job/team/job/service/job/main/api/json", "main-builds.json");
    json(wm, "/job/team/job/service/job/main/1/api/json", "main-1.json");
    json(wm, "/job/team/job/service/job/main/1/wfapi/describe", "main-1-wfapi.json");
    text(wm, "/job/team/job/service/job/main/1/consoleText", "main-1-console.txt");
  }

  /** Build 7 of team/app: running (two stages, one in progress) or finished (three stages). */
  static void serveAppBuild(WireMockExtension wm, boolean finished) {
    String state = finished ? "finished" : "running";
    json(wm, "/job/team/job/app/7/api/json", "app-7-" + state + ".json");
    json(wm, "/job/team/job/app/7/wfapi/describe", "app-7-wfapi-" + state + ".json");
    text(wm, "/job/team/job/app/7/consoleText", "app-7-console.txt");
  }

  static void json(WireMockExtension wm, String path, String fixture) {
    wm.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo(AUTH))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json;charset=utf-8")
            .withHeader("X-Jenkins", "2.479.1")
            .withBody(read(fixture))));
  }

  static void text(WireMockExtension wm, String path, String fixture) {
    wm.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo(AUTH))
        .willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/plain;charset=utf-8")
            .withBody(read(fixture))));
  }

  static Controller controller(String name, WireMockExtension wm) {
    return Controller.of(name, wm.baseUrl(), USER, "jenkins-" + name + "/token",
        java.util.List.of());
  }
}
