package io.jxengine.scm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creating and updating provider releases: the exact requests to GitHub and GitLab, and errors. */
class ReleaseProviderIT {
  static final RepoRef GH = new RepoRef(ProviderKind.GITHUB, "acme", "app");
  static final RepoRef GL = new RepoRef(ProviderKind.GITLAB, "acme", "app");
  /** gitlab4j encodes every dot of the tag in the path. */
  static final String TAG_PATH = "/v1%2E2%2E0";
  static final String NOTES = "## v1.2.0\n\n### Features\n\n- x\n";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private static String ghRelease(long id, String tag) {
    return "{\"id\": " + id + ", \"tag_name\": \"" + tag + "\", \"name\": \"" + tag + "\","
        + " \"html_url\": \"https://github.com/acme/app/releases/tag/" + tag + "\","
        + " \"url\": \"" + wm.baseUrl() + "/repos/acme/app/releases/" + id + "\"}";
  }

  @Test
  void gitHubCreatesTheReleaseOfATagWithoutOne() {
    wm.stubFor(get("/repos/acme/app").willReturn(okJson(GitHubJson.repo(wm.baseUrl()))));
    wm.stubFor(get("/repos/acme/app/releases/tags/v1.2.0").willReturn(notFound()));
    wm.stubFor(post("/repos/acme/app/releases").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(ghRelease(7, "v1.2.0"))));

    String url = new GitHubProvider(wm.baseUrl(), "tok").upsertRelease(GH, "v1.2.0", "v1.2.0", NOTES);

    assertThat(url).isEqualTo("https://github.com/acme/app/releases/tag/v1.2.0");
    wm.verify(postRequestedFor(urlPathEqualTo("/repos/acme/app/releases"))
        .withHeader("Authorization", equalTo("token tok"))
        .withRequestBody(matchingJsonPath("$.tag_name", equalTo("v1.2.0")))
        .withRequestBody(matchingJsonPath("$.name", equalTo("v1.2.0")))
        .withRequestBody(matchingJsonPath("$.body", equalTo(NOTES))));
  }

  @Test
  void gitHubUpdatesTheExistingReleaseSoARerunKeepsOne() {
    wm.stubFor(get("/repos/acme/app").willReturn(okJson(GitHubJson.repo(wm.baseUrl()))));
    wm.stubFor(get("/repos/acme/app/releases/tags/v1.2.0").willReturn(okJson(ghRelease(7, "v1.2.0"))));
    wm.stubFor(patch("/repos/acme/app/releases/7").willReturn(okJson(ghRelease(7, "v1.2.0"))));

    new GitHubProvider(wm.baseUrl(), "tok").upsertRelease(GH, "v1.2.0", "v1.2.0", NOTES);

    wm.verify(patchRequestedFor(urlPathEqualTo("/repos/acme/app/releases/7"))
        .withRequestBody(matchingJsonPath("$.body", equalTo(NOTES))));
    wm.verify(0, postRequestedFor(urlPathEqualTo("/repos/acme/app/releases")));
  }

  @Test
  void gitHubErrorsCarryTheStatusAndNoToken() {
    wm.stubFor(get("/repos/acme/app").willReturn(okJson(GitHubJson.repo(wm.baseUrl()))));
    wm.stubFor(get("/repos/acme/app/releases/tags/v1.2.0").willReturn(notFound()));
    wm.stubFor(post("/repos/acme/app/releases").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\": \"Validation Failed\", \"errors\": [{\"code\": \"invalid\", \"field\": \"tag_name\"}]}")));

    assertThatThrownBy(() -> new GitHubProvider(wm.baseUrl(), "tok-secret")
            .upsertRelease(GH, "v1.2.0", "v1.2.0", NOTES))
        .isInstanceOfSatisfying(GitProviderException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("upsertRelease").doesNotContain("tok-secret");
        });
  }

  @Test
  void gitLabCreatesOrUpdatesTheReleaseOfTheTag() {
    String project = "/api/v4/projects/acme%2Fapp/releases";
    String body = "{\"name\": \"v1.2.0\", \"tag_name\": \"v1.2.0\", \"description\": \"x\","
        + " \"_links\": {\"self\": \"https://gitlab.example.com/acme/app/-/releases/v1.2.0\"}}";
    wm.stubFor(get(project + TAG_PATH).willReturn(notFound()));
    wm.stubFor(post(project).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(body)));
    GitLabProvider gitLab = new GitLabProvider(wm.baseUrl(), "glpat");

    assertThat(gitLab.upsertRelease(GL, "v1.2.0", "v1.2.0", NOTES))
        .isEqualTo("https://gitlab.example.com/acme/app/-/releases/v1.2.0");
    wm.verify(postRequestedFor(urlPathEqualTo(project))
        .withHeader("PRIVATE-TOKEN", equalTo("glpat"))
        .withRequestBody(matchingJsonPath("$.tag_name", equalTo("v1.2.0")))
        .withRequestBody(matchingJsonPath("$.description", equalTo(NOTES))));

    wm.stubFor(get(project + TAG_PATH).willReturn(okJson(body)));
    wm.stubFor(put(project + TAG_PATH).willReturn(okJson(body)));
    gitLab.upsertRelease(GL, "v1.2.0", "v1.2.0", NOTES);
    wm.verify(putRequestedFor(urlPathEqualTo(project + TAG_PATH))
        .withRequestBody(matchingJsonPath("$.description", equalTo(NOTES))));
  }

  @Test
  void gitLabServerErrorIsAProviderError() {
    wm.stubFor(get("/api/v4/projects/acme%2Fapp/releases" + TAG_PATH)
        .willReturn(aResponse().withStatus(503).withBody("down")));
    assertThatThrownBy(() -> new GitLabProvider(wm.baseUrl(), "glpat")
            .upsertRelease(GL, "v1.2.0", "v1.2.0", NOTES))
        .isInstanceOfSatisfying(GitProviderException.class, e -> assertThat(e.status()).isEqualTo(503));
  }

  @Test
  void theFakeKeepsOneReleasePerTagAndFailsOnRequest() {
    FakeGitProvider fake = new FakeGitProvider();
    fake.upsertRelease(GH, "v1", "v1", "a");
    fake.upsertRelease(GH, "v1", "v1", "b");
    assertThat(fake.releases(GH)).singleElement().satisfies(r -> assertThat(r.notes()).isEqualTo("b"));
    fake.failNext(FakeGitProvider.Operation.UPSERT_RELEASE, 500);
    assertThatThrownBy(() -> fake.upsertRelease(GH, "v2", "v2", "c"))
        .isInstanceOfSatisfying(GitProviderException.class, e -> assertThat(e.status()).isEqualTo(500));
  }
}
