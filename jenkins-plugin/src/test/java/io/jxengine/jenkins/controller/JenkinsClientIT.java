package io.jxengine.jenkins.controller;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jxengine.jenkins.controller.JenkinsModel.Job;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against a recorded controller: the exact requests it makes and what it reads. */
class JenkinsClientIT {
  private static final String QUEUE = "/queue/item/12/";

  @RegisterExtension
  static WireMockExtension jenkins =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private JenkinsClient client;

  @BeforeEach
  void setUp() {
    client = JenkinsClient.connect(JenkinsFixtures.controller("ci", jenkins),
        JenkinsFixtures.TOKEN, Duration.ofSeconds(10));
  }

  @Test
  void listsJobsThroughFoldersAndMultibranchProjects() {
    JenkinsFixtures.serveController(jenkins);

    assertThat(client.jobs()).extracting(Job::fullName, Job::branchOf).containsExactly(
        org.assertj.core.groups.Tuple.tuple("hello", null),
        org.assertj.core.groups.Tuple.tuple("team/app", null),
        org.assertj.core.groups.Tuple.tuple("team/service/main", "team/service"));
    jenkins.verify(getRequestedFor(urlPathEqualTo("/job/team/job/service/api/json"))
        .withQueryParam("tree", equalTo("jobs[name,color,jobs[name]]")));
  }

  @Test
  void triggersWithParametersSendingTheCrumbTheControllerIssues() {
    serveCrumb("5d1f6c0b2a7e4c9d8e3f1a2b3c4d5e6f");
    jenkins.stubFor(post(urlPathEqualTo("/job/team/job/app/buildWithParameters"))
        .withHeader("Jenkins-Crumb", equalTo("5d1f6c0b2a7e4c9d8e3f1a2b3c4d5e6f"))
        .willReturn(aResponse().withStatus(201)
            .withHeader("Location", jenkins.baseUrl() + QUEUE)));

    Map<String, String> params = new LinkedHashMap<>();
    params.put("VERSION", "1.2.3");
    params.put("NOTE", "a b&c");
    long queueId = client.trigger("team/app", params);

    assertThat(queueId).isEqualTo(12);
    jenkins.verify(postRequestedFor(urlPathEqualTo("/job/team/job/app/buildWithParameters"))
        .withHeader("Authorization", equalTo(JenkinsFixtures.AUTH))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("VERSION=1.2.3&NOTE=a+b%26c")));
    jenkins.verify(getRequestedFor(urlPathEqualTo("/crumbIssuer/api/json"))
        .withHeader("Authorization", equalTo(JenkinsFixtures.AUTH)));
  }

  @Test
  void aRefusedCrumbIsFetchedAgainAndTheBuildRetriedOnce() {
    // the crumb is bound to a web session that has since expired: 403, then a fresh crumb works
    jenkins.stubFor(get(urlPathEqualTo("/crumbIssuer/api/json"))
        .inScenario("crumb").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(crumbJson("stale"))).willSetStateTo("issued once"));
    jenkins.stubFor(get(urlPathEqualTo("/crumbIssuer/api/json"))
        .inScenario("crumb").whenScenarioStateIs("issued once")
        .willReturn(okJson(crumbJson("fresh"))));
    jenkins.stubFor(post(urlPathEqualTo("/job/hello/build"))
        .withHeader("Jenkins-Crumb", equalTo("stale"))
        .willReturn(aResponse().withStatus(403).withBody("No valid crumb was included")));
    jenkins.stubFor(post(urlPathEqualTo("/job/hello/build"))
        .withHeader("Jenkins-Crumb", equalTo("fresh"))
        .willReturn(aResponse().withStatus(201).withHeader("Location", jenkins.baseUrl() + QUEUE)));

    assertThat(client.trigger("hello", Map.of())).isEqualTo(12);
    jenkins.verify(2, getRequestedFor(urlPathEqualTo("/crumbIssuer/api/json")));
    jenkins.verify(2, postRequestedFor(urlPathEqualTo("/job/hello/build")));
  }

  @Test
  void aSecondRefusalIsReportedNotRetriedForever() {
    serveCrumb("any");
    jenkins.stubFor(post(urlPathEqualTo("/job/hello/build"))
        .willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(() -> client.trigger("hello", Map.of()))
        .isInstanceOf(JenkinsException.class)
        .hasMessageContaining("403")
        .extracting(e -> ((JenkinsException) e).status()).isEqualTo(403);
    jenkins.verify(2, postRequestedFor(urlPathEqualTo("/job/hello/build")));
  }

  @Test
  void aControllerWithoutCrumbsGetsNoCrumbHeader() {
    jenkins.stubFor(get(urlPathEqualTo("/crumbIssuer/api/json")).willReturn(notFound()));
    jenkins.stubFor(post(urlPathEqualTo("/job/hello/build"))
        .willReturn(aResponse().withStatus(201).withHeader("Location", jenkins.baseUrl() + QUEUE)));

    client.trigger("hello", Map.of());
    client.trigger("hello", Map.of());

    jenkins.verify(2, postRequestedFor(urlPathEqualTo("/job/hello/build"))
        .withHeader("Jenkins-Crumb", absent()));
    // "no crumbs here" is remembered
    jenkins.verify(1, getRequestedFor(urlPathEqualTo("/crumbIssuer/api/json")));
  }

  @Test
  void followsTheQueueItemToItsBuildAndTheProgressiveConsoleToTheEnd() {
    jenkins.stubFor(get(urlPathEqualTo(QUEUE + "api/json")).inScenario("queue")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(JenkinsFixtures.read("queue-waiting.json"))).willSetStateTo("left"));
    jenkins.stubFor(get(urlPathEqualTo(QUEUE + "api/json")).inScenario("queue")
        .whenScenarioStateIs("left")
        .willReturn(okJson(JenkinsFixtures.read("queue-left.json"))));
    String progressive = "/job/team/job/app/8/logText/progressiveText";
    jenkins.stubFor(get(urlPathEqualTo(progressive)).withQueryParam("start", equalTo("0"))
        .willReturn(aResponse().withBody("Started by user alice\n+ make\n")
            .withHeader("X-Text-Size", "29").withHeader("X-More-Data", "true")));
    jenkins.stubFor(get(urlPathEqualTo(progressive)).withQueryParam("start", equalTo("29"))
        .willReturn(aResponse().withBody("Finished: SUCCESS\n").withHeader("X-Text-Size", "47")));
    BuildFollower follower = new BuildFollower(client, Duration.ofMillis(5));

    int number = follower.waitForBuild(12, Duration.ofMinutes(1));
    StringWriter console = new StringWriter();
    follower.console("team/app", number, new PrintWriter(console));

    assertThat(number).isEqualTo(8);
    assertThat(console.toString())
        .isEqualTo("Started by user alice\n+ make\nFinished: SUCCESS\n");
    jenkins.verify(2, getRequestedFor(urlPathEqualTo(QUEUE + "api/json")));
  }

  @Test
  void aCancelledQueueItemEndsTheWait() {
    jenkins.stubFor(get(urlPathEqualTo("/queue/item/13/api/json"))
        .willReturn(okJson(JenkinsFixtures.read("queue-cancelled.json"))));

    assertThatThrownBy(() -> new BuildFollower(client, Duration.ofMillis(5))
        .waitForBuild(13, Duration.ofMinutes(1)))
        .isInstanceOf(JenkinsException.class)
        .hasMessageContaining("cancelled");
  }

  @Test
  void jobNamesThatWouldLeaveTheJobTreeAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.trigger("team/../../script", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.build("a//b", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(jenkins.getAllServeEvents()).isEmpty();
  }

  private static void serveCrumb(String crumb) {
    jenkins.stubFor(get(urlPathEqualTo("/crumbIssuer/api/json"))
        .willReturn(okJson(crumbJson(crumb))));
  }

  private static String crumbJson(String crumb) {
    return JenkinsFixtures.read("crumb.json").replace("5d1f6c0b2a7e4c9d8e3f1a2b3c4d5e6f", crumb);
  }
}
