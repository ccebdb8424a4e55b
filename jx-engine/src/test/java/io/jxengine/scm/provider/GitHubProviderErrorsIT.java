package io.jxengine.scm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How GitHub's refusals and silences reach the engine: status, operation, repository, no token. */
class GitHubProviderErrorsIT {
  static final String TOKEN = "ghp_s3cr3tTOKEN";
  static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "app");
  static final CommitStatus PENDING =
      new CommitStatus(CommitStatus.State.PENDING, "jx-engine/pr", "Running", null);

  @RegisterExtension
  static WireMockExtension gh =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  GitHubProvider provider;

  @BeforeEach
  void setUp() {
    provider = new GitHubProvider(gh.baseUrl(), TOKEN);
  }

  @Test
  void missingRepositoryIs404NamingOperationAndRepository() {
    gh.stubFor(
        get("/repos/acme/app")
            .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class, () -> provider.setCommitStatus(REPO, "abc", PENDING));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.getMessage()).contains("setCommitStatus", "acme/app").doesNotContain(TOKEN);
  }

  @Test
  void serverErrorKeepsItsStatus() {
    stubRepo();
    gh.stubFor(
        post("/repos/acme/app/statuses/abc")
            .willReturn(aResponse().withStatus(500).withBody("{\"message\": \"Server Error\"}")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class, () -> provider.setCommitStatus(REPO, "abc", PENDING));

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    gh.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/app/statuses/abc")));
  }

  @Test
  void validationFailureIs422() {
    stubRepo();
    gh.stubFor(
        post("/repos/acme/app/pulls")
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"message\": \"Validation Failed\", \"errors\": [{\"resource\":"
                            + " \"PullRequest\", \"code\": \"custom\", \"message\": \"A pull"
                            + " request already exists for acme:feature.\"}]}")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class,
            () -> provider.openPullRequest(REPO, "feature", "main", "t", "b"));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.getMessage()).contains("openPullRequest", "acme/app");
  }

  @Test
  void mergeWithAMovedHeadIs409() {
    stubRepo();
    gh.stubFor(
        get("/repos/acme/app/pulls/5").willReturn(okJson(GitHubJson.pull(5, "open", false, null))));
    gh.stubFor(
        put("/repos/acme/app/pulls/5/merge")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withBody(
                        "{\"message\": \"Head branch was modified. Review and try the merge"
                            + " again.\"}")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class, () -> provider.merge(REPO, 5, "old-sha", "Release"));

    assertThat(e.status()).isEqualTo(409);
  }

  @Test
  void rateLimitFailsAtOnceWith403InsteadOfSleeping() {
    gh.stubFor(
        get("/repos/acme/app")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("X-RateLimit-Limit", "5000")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset", String.valueOf(Long.MAX_VALUE / 1000_000))
                    .withBody("{\"message\": \"API rate limit exceeded\"}")));

    GitProviderException e =
        catchThrowableOfType(GitProviderException.class, () -> provider.getPullRequest(REPO, 5));

    assertThat(e.status()).isEqualTo(403);
  }

  @Test
  void secondaryRateLimitFailsAtOnceToo() {
    gh.stubFor(
        get("/repos/acme/app")
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Retry-After", "3600")
                    .withBody("{\"message\": \"You have exceeded a secondary rate limit.\"}")));

    GitProviderException e =
        catchThrowableOfType(GitProviderException.class, () -> provider.getPullRequest(REPO, 5));

    assertThat(e.status()).isEqualTo(403);
  }

  @Test
  void membershipCheckFailureIsNotReadAsNotAMember() {
    gh.stubFor(get("/orgs/acme").willReturn(okJson("{\"login\": \"acme\", \"id\": 1}")));
    gh.stubFor(
        get("/orgs/acme/memberships/alice")
            .willReturn(aResponse().withStatus(503).withBody("{\"message\": \"Unavailable\"}")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class, () -> provider.isOrgMember("acme", "alice"));

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.getMessage()).contains("isOrgMember", "acme");
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsStatusZero() {
    GitHubProvider impatient =
        new GitHubProvider(
            gh.baseUrl(),
            TOKEN,
            new ProviderTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200)));
    gh.stubFor(
        get("/repos/acme/app")
            .willReturn(okJson(GitHubJson.repo(gh.baseUrl())).withFixedDelay(2_000)));

    GitProviderException e =
        catchThrowableOfType(GitProviderException.class, () -> impatient.getPullRequest(REPO, 5));

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("getPullRequest", "acme/app").doesNotContain(TOKEN);
  }

  @Test
  void nothingListeningIsStatusZero() {
    GitHubProvider nowhere =
        new GitHubProvider(
            "http://127.0.0.1:1",
            TOKEN,
            new ProviderTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));

    GitProviderException e =
        catchThrowableOfType(GitProviderException.class, () -> nowhere.getPullRequest(REPO, 5));

    assertThat(e.status()).isZero();
  }

  private void stubRepo() {
    gh.stubFor(get("/repos/acme/app").willReturn(okJson(GitHubJson.repo(gh.baseUrl()))));
  }
}
