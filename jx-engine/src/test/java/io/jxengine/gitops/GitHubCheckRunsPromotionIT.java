package io.jxengine.gitops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
 * Auto promotions read GitHub's check runs as well as its commit statuses (WireMock standing in
 * for api.github.com, the real hub4j client): all of them green merges, a failed check run fails
 * the promotion with its name, one still in progress keeps it waiting.
 */
class GitHubCheckRunsPromotionIT {
  static final String REPO_PATH = GitHubPromotionIT.REPO_PATH;
  static final String CHECK_RUNS = REPO_PATH + "/commits/aaa111/check-runs";

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
    gh.stubFor(get(urlPathEqualTo(REPO_PATH + "/pulls")).willReturn(okJson("[]")));
    gh.stubFor(post(REPO_PATH + "/pulls").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(GitHubPromotionIT.pull(false))));
    gh.stubFor(get(urlPathMatching(REPO_PATH + "/(commits/aaa111/)?statuses(/aaa111)?")).willReturn(
        okJson("[{\"state\": \"success\", \"context\": \"jx-engine/pr\", \"description\": \"ok\"}]")));
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  static String checkRun(long id, String name, String status, String conclusion) {
    return """
        {"id": %d, "name": "%s", "head_sha": "aaa111", "status": "%s", "conclusion": %s,
         "details_url": "https://ci.example.com/%d", "output": {"title": "%s %s"}}
        """.formatted(id, name, status, conclusion == null ? "null" : "\"" + conclusion + "\"", id, name,
        conclusion == null ? status : conclusion);
  }

  void checkRuns(String... runs) {
    gh.stubFor(get(urlPathEqualTo(CHECK_RUNS)).willReturn(okJson(
        "{\"total_count\": " + runs.length + ", \"check_runs\": [" + String.join(",", runs) + "]}")));
  }

  @Test
  void statusesAndCheckRunsAllGreenMerge() {
    checkRuns(checkRun(11, "integration", "completed", "success"), checkRun(12, "lint", "completed", "skipped"));
    gh.stubFor(get(REPO_PATH + "/pulls/1").willReturn(okJson(GitHubPromotionIT.pull(false))));
    gh.stubFor(put(REPO_PATH + "/pulls/1/merge").willReturn(okJson("{\"sha\": \"ccc333\", \"merged\": true}")));

    PromotionResult r = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofSeconds(30)));

    assertThat(r.status()).as(r.message()).isEqualTo(Status.Succeeded);
    gh.verify(getRequestedFor(urlPathEqualTo(CHECK_RUNS))
        .withHeader("Authorization", equalTo("token ghp_token")));
    gh.verify(1, putRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls/1/merge")));
  }

  @Test
  void aFailedCheckRunFailsThePromotionWithItsNameAndNothingIsMerged() {
    checkRuns(checkRun(11, "integration", "completed", "timed_out"), checkRun(12, "lint", "completed", "success"));
    gh.stubFor(get(REPO_PATH + "/pulls/1").willReturn(okJson(GitHubPromotionIT.pull(false))));

    PromotionResult r = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofSeconds(30)));

    assertThat(r.status()).isEqualTo(Status.Failed);
    assertThat(r.message()).contains("checks failed", "integration").doesNotContain("lint");
    assertThat(fx.activity(r).steps().get(0).message()).contains("integration");
    gh.verify(0, putRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls/1/merge")));
  }

  @Test
  void aCheckRunStillInProgressKeepsItWaitingUntilTheTimeout() {
    checkRuns(checkRun(11, "integration", "in_progress", null));
    gh.stubFor(get(REPO_PATH + "/pulls/1").willReturn(okJson(GitHubPromotionIT.pull(false))));

    PromotionResult r = promoter.promote(EnvFixture.request("web", "1.2.0", "staging", Duration.ofMillis(500)));

    assertThat(r.status()).isEqualTo(Status.TimedOut);
    assertThat(r.message()).contains("waiting for checks");
    gh.verify(0, putRequestedFor(urlPathEqualTo(REPO_PATH + "/pulls/1/merge")));
  }
}
