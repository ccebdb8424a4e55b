package io.jxengine.jenkins.controller;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.store.SqliteActivityStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jxe jenkins} commands as registered by the extension, against a recorded controller. */
class ControllerCommandsIT {
  @RegisterExtension
  static WireMockExtension jenkins =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path home;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Command(name = "jxe")
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }

  @BeforeEach
  void secrets() throws Exception {
    Files.writeString(home.resolve("secrets.yaml"),
        "jenkins-ci:\n  token: " + JenkinsFixtures.TOKEN + "\n");
  }

  @Test
  void addListAndRemoveControllersKeepingOnlyTheSecretsName() throws Exception {
    assertThat(jxe("jenkins", "controller", "add", "ci", "--url", jenkins.baseUrl(),
        "--user", "alice", "--token-secret", "jenkins-ci/token")).isZero();
    assertThat(jxe("jenkins", "controller", "add", "ci", "--url", jenkins.baseUrl(),
        "--user", "bob", "--token-secret", "jenkins-ci/token")).isEqualTo(1);
    assertThat(err.toString()).contains("exists; use --replace");
    assertThat(jxe("jenkins", "controller", "add", "Bad Name", "--url", "ftp://x",
        "--user", "a", "--token-secret", "s/k")).isEqualTo(1);

    assertThat(jxe("jenkins", "controller", "list")).isZero();
    assertThat(out.toString()).contains("ci").contains(jenkins.baseUrl() + "/")
        .contains("jenkins-ci/token");
    String file = Files.readString(home.resolve("jenkins/controllers.yaml"));
    assertThat(file).contains("tokenSecret: jenkins-ci/token").doesNotContain(JenkinsFixtures.TOKEN);

    assertThat(jxe("jenkins", "controller", "remove", "ci")).isZero();
    assertThat(jxe("jenkins", "controller", "remove", "ci")).isEqualTo(1);
    assertThat(ControllersFile.in(home).load().controllers()).isEmpty();
  }

  @Test
  void syncImportsAndPrintsWhatItDid() throws Exception {
    JenkinsFixtures.serveController(jenkins);
    jxe("jenkins", "controller", "add", "ci", "--url", jenkins.baseUrl(), "--user", "alice",
        "--token-secret", "jenkins-ci/token");

    assertThat(jxe("jenkins", "sync")).isZero();
    assertThat(out.toString()).contains("ci: 3 jobs, 4 new builds");
    assertThat(jxe("jenkins", "sync", "ci")).isZero();
    assertThat(out.toString()).contains("ci: 3 jobs, 0 new builds, 1 updated, 3 already imported");
    try (SqliteActivityStore store = SqliteActivityStore.open(home.resolve("jxe.db"))) {
      assertThat(store.list(ActivityFilter.all())).hasSize(4);
    }
    assertThat(jxe("jenkins", "sync", "nope")).isEqualTo(1);
  }

  @Test
  void syncOfAnUnreachableControllerIsOneLineAndExitOne() throws Exception {
    jxe("jenkins", "controller", "add", "ci", "--url", "http://127.0.0.1:9/", "--user", "alice",
        "--token-secret", "jenkins-ci/token");

    assertThat(jxe("jenkins", "sync")).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("jxe: controller ci: cannot reach")
        .doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void jobsListsThroughFolders() throws Exception {
    JenkinsFixtures.serveController(jenkins);
    jxe("jenkins", "controller", "add", "ci", "--url", jenkins.baseUrl(), "--user", "alice",
        "--token-secret", "jenkins-ci/token");

    assertThat(jxe("jenkins", "jobs", "ci")).isZero();
    assertThat(out.toString()).containsPattern("hello\\s+freestyle\\s+failure")
        .containsPattern("team/app\\s+pipeline\\s+success \\(building\\)")
        .contains("team/service/main");
  }

  @Test
  void buildFollowsTheQueueAndConsoleAndExitsWithTheResult() throws Exception {
    jxe("jenkins", "controller", "add", "ci", "--url", jenkins.baseUrl(), "--user", "alice",
        "--token-secret", "jenkins-ci/token");
    jenkins.stubFor(get(urlPathEqualTo("/crumbIssuer/api/json")).willReturn(notFound()));
    jenkins.stubFor(post(urlPathEqualTo("/job/team/job/app/buildWithParameters"))
        .willReturn(aResponse().withStatus(201)
            .withHeader("Location", jenkins.baseUrl() + "/queue/item/12/")));
    jenkins.stubFor(get(urlPathEqualTo("/queue/item/12/api/json"))
        .willReturn(okJson(JenkinsFixtures.read("queue-left.json"))));
    jenkins.stubFor(get(urlPathEqualTo("/job/team/job/app/8/logText/progressiveText"))
        .willReturn(aResponse().withBody("+ make\nFinished: FAILURE\n")
            .withHeader("X-Text-Size", "25")));
    jenkins.stubFor(get(urlPathEqualTo("/job/team/job/app/8/api/json")).willReturn(okJson(
        JenkinsFixtures.read("app-7-finished.json").replace("\"SUCCESS\"", "\"FAILURE\""))));

    int code = jxe("jenkins", "build", "ci", "team/app", "-p", "VERSION=2.0", "-f",
        "--poll-interval", "5");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("queue item 12").contains("team/app #8")
        .contains("+ make\nFinished: FAILURE").contains("#8 FAILURE");
    jenkins.verify(postRequestedFor(urlPathEqualTo("/job/team/job/app/buildWithParameters"))
        .withRequestBody(equalTo("VERSION=2.0")));
  }

  private int jxe(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    // the hidden --home belongs to the leaf command: after the command words
    int leaf = leafIndex(all);
    all.add(leaf, "--home=" + home);
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine root = new CommandLine(new Root());
    new ControllerCliExtension().register(root);
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    return root.execute(all.toArray(String[]::new));
  }

  private static int leafIndex(List<String> args) {
    int i = args.get(1).equals("controller") ? 3 : 2;
    return Math.min(i, args.size());
  }
}
