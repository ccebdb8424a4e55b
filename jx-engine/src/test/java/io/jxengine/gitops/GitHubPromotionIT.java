package io.jxengine.gitops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jxengine.activity.Status;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.provider.GitHubProvider;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promotions through GitHub's pull-request API (WireMock standing in for api.github.com, the real
 * hub4j client): the exact requests, merging only on passed checks, visible timeouts, re-runs and
 * API errors. The environment's git repository is a real local bare repository.
 */
class GitHubPromotionIT {
  static final String REPO_PATH = "/repos/acme/env-staging";
  static final String BRANCH = "promote/web-1.2.0";

  @RegisterExtension
  static WireMockExtension gh =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path tmp;
  EnvFixture fx;
  Promoter promoter;

  @BeforeEach
  void setUp() {
    fx = new EnvFixture(tmp);
    Environment plain = fx.environment("plain", PromotionStrategy.Auto);
    fx.onProvider(plain, "staging", PromotionStrategy.Auto, ProviderKind.GITHUB, gh.baseUrl());
    promoter = fx.promoter(new GitHubProvider(gh.baseUrl(), "ghp_token"));
    gh.stubFor(get(REPO_PATH).willReturn(okJson("""
        {"id": 1, "name": "env-staging", "full_name": "acme/env-staging",
         "owner": {"login": "acme", "id": 1, "type": "Organization"},
         "url": "%s%s", "html_url": "https://github.com/acme/env-staging", "default_branch": "main"}
        """.formatted(gh.baseUrl(), REPO_PATH))));
    gh.stubFor(get(urlPathEqualTo(REPO_PATH + "/commits/aaa111/check-runs"))
        .willReturn(okJson("{\"total_count\": 0, \"check_runs\": []}")));
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  static String pull(boolean merged) {
    return """
        {"id": 9, "number": 1, "state": "%s", "title": "chore: promote web to version 1.2.0",
         "html_url": "https://github.com/acme/env-staging/pull/1",
         "head": {"ref": "promote/web-1.2.0", "sha": "aaa111"}, "base": {"ref": "main", "sha": "bbb222"},
         "merged": %s, "mergeable": true, "merge_commit_sha": %s}
        """.formatted(merged ? "closed" : "open", merged, merged ? "\"ccc333\"" : "null");
  }

  void noOpenPullRequest() {
    gh.stubFor(get(urlPathEqualTo(REPO_PATH + "/pulls")).willReturn(okJson("[]")));
    gh.stubFor(post(REPO_PATH + "/pulls").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(pull(false))));
  }

  void statuses(String json) {
    gh.stubFor(get(urlPathMatching(REPO_PATH + "/(commits/aaa111/)?statuses(/aaa111)?")).willReturn(okJson(json)));
  }

  @Test
  void autoOpensThePullRequestAndMergesWhenItsCheckPassed() {
    noOpenPullRequest();
    statuses("[{\"state\": \"success\", \"context\": \"jx-engine/pr\", \"description\": \"ok\"}]");
    gh.stubFor(get(REPO_PATH + "/pulls/1").inScenario("merge").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(pull(false))));
    gh.stubFor(put(REPO_PATH + "/pulls/1/merge").inScenario("merge").willSetStateTo("merged")
        .willReturn(okJson("{\"sha\": \"ccc333\", \"merged\": true}")));
    gh.stubFor(get(REPO_PATH + "/pulls/1").inScenario("merge").whenScenarioStateIs("merged")
        .willReturn(okJson(pull(true))));

    PromotionResult r = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofSeconds(30)));

    assertThat(r.status()).as(r.message()).isEqualTo(Status.Succeeded);
    assertThat(r.pullRequestUrl()).isEqualTo("https://github.com/acme/env-staging/pull/1");
    assertThat(r.mergeSha()).isEqualTo("ccc333");
    gh.verify(1, postRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls"))
        .withHeader("Authorization", equalTo("token ghp_token"))
        .withRequestBody(matchingJsonPath("$.head", equalTo(BRANCH)))
        .withRequestBody(matchingJsonPath("$.base", equalTo("main")))
        .withRequestBody(matchingJsonPath("$.title", equalTo("chore: promote web to version 1.2.0"))));
    gh.verify(1, putRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls/1/merge"))
        .withRequestBody(matchingJsonPath("$.sha", equalTo("aaa111")))
        .withRequestBody(matchingJsonPath("$.merge_method", equalTo("merge"))));
    assertThat(fx.activity(r).steps().get(0).message()).contains("https://github.com/acme/env-staging/pull/1");
  }

  @Test
  void checksThatNeverReportTimeOutVisiblyAndNothingIsMerged() {
    noOpenPullRequest();
    statuses("[]");
    gh.stubFor(get(REPO_PATH + "/pulls/1").willReturn(okJson(pull(false))));

    PromotionResult r = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofMillis(500)));

    assertThat(r.status()).isEqualTo(Status.TimedOut);
    assertThat(r.message()).contains("waiting for checks").contains("none reported yet");
    assertThat(fx.activity(r).steps().get(0).status()).isEqualTo(Status.TimedOut);
    gh.verify(0, putRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls/1/merge")));
  }

  @Test
  void aFailedCheckEndsThePromotionWithoutMerging() {
    noOpenPullRequest();
    statuses("[{\"state\": \"failure\", \"context\": \"jx-engine/pr\", \"description\": \"JX803 in apps/api\"}]");
    gh.stubFor(get(REPO_PATH + "/pulls/1").willReturn(okJson(pull(false))));

    PromotionResult r = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofSeconds(30)));

    assertThat(r.status()).isEqualTo(Status.Failed);
    assertThat(r.message()).contains("checks failed").contains("jx-engine/pr");
    gh.verify(0, putRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls/1/merge")));
  }

  @Test
  void reRunningFindsTheOpenPullRequestInsteadOfOpeningASecond() {
    gh.stubFor(get(urlPathEqualTo(REPO_PATH + "/pulls")).willReturn(okJson("[" + pull(false) + "]")));
    statuses("[]");
    gh.stubFor(get(REPO_PATH + "/pulls/1").willReturn(okJson(pull(false))));

    promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofMillis(200)));
    PromotionResult again = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofMillis(200)));

    assertThat(again.pullRequestUrl()).isEqualTo("https://github.com/acme/env-staging/pull/1");
    gh.verify(0, postRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls")));
  }

  @Test
  void anApiErrorIsRecordedWithItsStatusAndNothingIsMerged() {
    gh.stubFor(get(urlPathEqualTo(REPO_PATH + "/pulls")).willReturn(okJson("[]")));
    gh.stubFor(post(REPO_PATH + "/pulls").willReturn(aResponse().withStatus(502).withBody("bad gateway")));

    PromotionResult r = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofSeconds(5)));

    assertThat(r.status()).isEqualTo(Status.Error);
    assertThat(r.message()).contains("HTTP 502").contains("nothing was merged");
    assertThat(fx.activity(r).message()).contains("HTTP 502");
    gh.verify(0, putRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls/1/merge")));
  }
}
