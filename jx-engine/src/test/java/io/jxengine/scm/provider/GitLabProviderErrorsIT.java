package io.jxengine.scm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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

/** How GitLab's refusals and silences reach the engine: status, operation, project, no token. */
class GitLabProviderErrorsIT {
  static final String TOKEN = "glpat-s3cr3tTOKEN";
  static final RepoRef REPO = new RepoRef(ProviderKind.GITLAB, "acme", "app");
  static final String PROJECT = "/api/v4/projects/acme%2Fapp";

  @RegisterExtension
  static WireMockExtension gl =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  GitLabProvider provider;

  @BeforeEach
  void setUp() {
    provider = new GitLabProvider(gl.baseUrl(), TOKEN);
  }

  @Test
  void missingProjectIs404NamingOperationAndProject() {
    gl.stubFor(
        post(PROJECT + "/statuses/abc")
            .willReturn(
                aResponse().withStatus(404).withBody("{\"message\": \"404 Project Not Found\"}")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class,
            () ->
                provider.setCommitStatus(
                    REPO, "abc", new CommitStatus(CommitStatus.State.SUCCESS, "ci", "ok", null)));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.getMessage()).contains("setCommitStatus", "acme/app").doesNotContain(TOKEN);
  }

  @Test
  void serverErrorKeepsItsStatus() {
    gl.stubFor(
        get(PROJECT + "/merge_requests/5")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"message\": \"500 Internal Server Error\"}")));

    GitProviderException e =
        catchThrowableOfType(GitProviderException.class, () -> provider.getPullRequest(REPO, 5));

    assertThat(e.status()).isEqualTo(500);
  }

  @Test
  void failureOnALaterPageKeepsItsStatus() {
    gl.stubFor(
        get(urlPathEqualTo(PROJECT + "/merge_requests/5/notes"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(
                okJson("[" + GitLabJson.note(301, "looks good", false) + "]")
                    .withHeader("X-Page", "1")
                    .withHeader("X-Per-Page", "1")
                    .withHeader("X-Total", "2")
                    .withHeader("X-Total-Pages", "2")));
    gl.stubFor(
        get(urlPathEqualTo(PROJECT + "/merge_requests/5/notes"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class, () -> provider.upsertComment(REPO, 5, "summary", "x"));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.getMessage()).contains("upsertComment", "acme/app");
  }

  @Test
  void mergeWithAMovedHeadIs409() {
    gl.stubFor(
        put(PROJECT + "/merge_requests/5/merge")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withBody("{\"message\": \"SHA does not match HEAD of source branch: bbb\"}")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class, () -> provider.merge(REPO, 5, "old-sha", "Release"));

    assertThat(e.status()).isEqualTo(409);
    assertThat(e.getMessage()).contains("merge", "acme/app");
  }

  @Test
  void memberLookupFailureIsNotReadAsNoAccess() {
    gl.stubFor(
        get(urlPathEqualTo("/api/v4/users"))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"message\": \"401 Unauthorized\"}")));

    GitProviderException e =
        catchThrowableOfType(
            GitProviderException.class, () -> provider.hasWriteAccess(REPO, "dev"));

    assertThat(e.status()).isEqualTo(401);
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsStatusZero() {
    GitLabProvider impatient =
        new GitLabProvider(
            gl.baseUrl(),
            TOKEN,
            new ProviderTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200)));
    gl.stubFor(
        get(PROJECT + "/merge_requests/5")
            .willReturn(okJson(GitLabJson.mergeRequest(5, "opened", null)).withFixedDelay(2_000)));

    GitProviderException e =
        catchThrowableOfType(GitProviderException.class, () -> impatient.getPullRequest(REPO, 5));

    assertThat(e.status()).isZero();
    assertThat(e.getMessage()).contains("getPullRequest", "acme/app").doesNotContain(TOKEN);
  }
}
