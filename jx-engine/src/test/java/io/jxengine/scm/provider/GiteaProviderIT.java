package io.jxengine.scm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GiteaProvider against a WireMock Gitea: the exact requests of Gitea's REST API v1. */
class GiteaProviderIT {
  static final String TOKEN = "gitea-s3cr3t-token";
  static final RepoRef REPO = new RepoRef(ProviderKind.GITEA, "acme", "app");
  static final String API = "/api/v1/repos/acme/app";

  @RegisterExtension
  static WireMockExtension gitea =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  GiteaProvider provider;

  @BeforeEach
  void setUp() {
    provider = new GiteaProvider(gitea.baseUrl(), TOKEN, ProviderTimeouts.DEFAULT);
  }

  @Test
  void setsACommitStatusWithTheTokenHeader() {
    gitea.stubFor(post(API + "/statuses/abc123").willReturn(okJson("{\"id\": 1}")));

    provider.setCommitStatus(REPO, "abc123",
        new CommitStatus(CommitStatus.State.ERROR, "jx-engine/pr", "runner lost", "https://ci/1"));

    gitea.verify(postRequestedFor(urlPathEqualTo(API + "/statuses/abc123"))
        .withHeader("Authorization", equalTo("token " + TOKEN))
        .withRequestBody(equalToJson("{\"state\": \"error\", \"context\": \"jx-engine/pr\","
            + " \"description\": \"runner lost\", \"target_url\": \"https://ci/1\"}")));
  }

  @Test
  void anApiRootAsImportRecordsItIsNotDoubled() {
    gitea.stubFor(post(API + "/statuses/abc").willReturn(okJson("{}")));
    GiteaProvider fromImport =
        new GiteaProvider(gitea.baseUrl() + "/api/v1/", TOKEN, ProviderTimeouts.DEFAULT);

    fromImport.setCommitStatus(REPO, "abc",
        new CommitStatus(CommitStatus.State.SUCCESS, "ctx", "ok", null));

    gitea.verify(postRequestedFor(urlPathEqualTo(API + "/statuses/abc")));
  }

  @Test
  void upsertUpdatesTheMarkedCommentInsteadOfAddingOne() {
    gitea.stubFor(get(urlPathEqualTo(API + "/issues/7/comments")).willReturn(okJson(
        "[{\"id\": 11, \"body\": \"hello\"},"
            + " {\"id\": 12, \"body\": \"old\\n\\n<!-- jxe:preview -->\"}]")));
    gitea.stubFor(patch(urlPathEqualTo(API + "/issues/comments/12")).willReturn(okJson(
        "{\"id\": 12, \"body\": \"new\\n\\n<!-- jxe:preview -->\", \"html_url\": \"https://g/c/12\"}")));

    CommentInfo info = provider.upsertComment(REPO, 7, "preview", "new");

    assertThat(info.id()).isEqualTo(12);
    assertThat(info.htmlUrl()).isEqualTo("https://g/c/12");
    gitea.verify(patchRequestedFor(urlPathEqualTo(API + "/issues/comments/12"))
        .withRequestBody(equalToJson("{\"body\": \"new\\n\\n<!-- jxe:preview -->\"}")));
    gitea.verify(0, postRequestedFor(urlPathEqualTo(API + "/issues/7/comments")));
  }

  @Test
  void upsertCreatesTheCommentWhenNoneIsMarked() {
    gitea.stubFor(get(urlPathEqualTo(API + "/issues/7/comments")).willReturn(okJson("[]")));
    gitea.stubFor(post(API + "/issues/7/comments").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\": 13, \"body\": \"x\"}")));

    assertThat(provider.upsertComment(REPO, 7, "preview", "x").id()).isEqualTo(13);
    gitea.verify(postRequestedFor(urlPathEqualTo(API + "/issues/7/comments"))
        .withRequestBody(equalToJson("{\"body\": \"x\\n\\n<!-- jxe:preview -->\"}")));
  }

  @Test
  void opensFindsAndMergesPullRequestsPinnedToTheHead() {
    String pr = "{\"number\": 5, \"state\": \"open\", \"merged\": false, \"title\": \"Promote\","
        + " \"head\": {\"ref\": \"promote-app\", \"sha\": \"h1\"}, \"base\": {\"ref\": \"main\"},"
        + " \"html_url\": \"https://g/acme/app/pulls/5\", \"mergeable\": true}";
    gitea.stubFor(post(API + "/pulls").willReturn(okJson(pr)));
    gitea.stubFor(get(urlPathEqualTo(API + "/pulls")).willReturn(okJson("[" + pr + "]")));
    gitea.stubFor(post(API + "/pulls/5/merge").willReturn(aResponse().withStatus(200)));
    gitea.stubFor(get(API + "/pulls/5").willReturn(okJson(pr.replace("\"merged\": false",
        "\"merged\": true, \"merge_commit_sha\": \"m1\""))));

    PullRequestInfo opened = provider.openPullRequest(REPO, "promote-app", "main", "Promote", "b");
    assertThat(opened.number()).isEqualTo(5);
    assertThat(opened.headSha()).isEqualTo("h1");
    assertThat(provider.findOpenPullRequest(REPO, "promote-app", "main")).isPresent();
    assertThat(provider.findOpenPullRequest(REPO, "other", "main")).isEmpty();
    PullRequestInfo merged = provider.merge(REPO, 5, "h1", "Promote app 1.2.3");

    assertThat(merged.merged()).isTrue();
    assertThat(merged.mergeSha()).isEqualTo("m1");
    gitea.verify(postRequestedFor(urlPathEqualTo(API + "/pulls")).withRequestBody(equalToJson(
        "{\"head\": \"promote-app\", \"base\": \"main\", \"title\": \"Promote\", \"body\": \"b\"}")));
    gitea.verify(postRequestedFor(urlPathEqualTo(API + "/pulls/5/merge")).withRequestBody(
        equalToJson("{\"Do\": \"merge\", \"MergeTitleField\": \"Promote app 1.2.3\","
            + " \"head_commit_id\": \"h1\"}")));
  }

  @Test
  void permissionsAndMembership() {
    gitea.stubFor(get(API + "/collaborators/alice/permission")
        .willReturn(okJson("{\"permission\": \"write\"}")));
    gitea.stubFor(get(API + "/collaborators/bob/permission")
        .willReturn(okJson("{\"permission\": \"read\"}")));
    gitea.stubFor(get(API + "/collaborators/eve/permission").willReturn(notFound()));
    gitea.stubFor(get("/api/v1/orgs/acme/members/alice").willReturn(noContent()));
    gitea.stubFor(get("/api/v1/orgs/acme/members/eve").willReturn(notFound()));

    assertThat(provider.hasWriteAccess(REPO, "alice")).isTrue();
    assertThat(provider.hasWriteAccess(REPO, "bob")).isFalse();
    assertThat(provider.hasWriteAccess(REPO, "eve")).isFalse();
    assertThat(provider.isOrgMember("acme", "alice")).isTrue();
    assertThat(provider.isOrgMember("acme", "eve")).isFalse();
  }

  @Test
  void aNameCannotChangeTheEndpoint() {
    gitea.stubFor(get(urlPathEqualTo("/api/v1/repos/acme/app/collaborators/..%2F..%2Fadmin/permission"))
        .willReturn(okJson("{\"permission\": \"read\"}")));

    assertThat(provider.hasWriteAccess(REPO, "../../admin")).isFalse();
    gitea.verify(getRequestedFor(
        urlPathEqualTo("/api/v1/repos/acme/app/collaborators/..%2F..%2Fadmin/permission")));
  }

  @Test
  void errorsCarryTheStatusAndNeverTheToken() {
    gitea.stubFor(post(API + "/statuses/abc").willReturn(aResponse().withStatus(422)
        .withBody("bad token " + TOKEN)));

    assertThatThrownBy(() -> provider.setCommitStatus(REPO, "abc",
            new CommitStatus(CommitStatus.State.SUCCESS, "ctx", "ok", null)))
        .isInstanceOfSatisfying(GitProviderException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).contains("Gitea setCommitStatus").doesNotContain(TOKEN);
        });
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeIsStatusZero() {
    gitea.stubFor(get(API + "/pulls/9").willReturn(okJson("{}").withFixedDelay(3_000)));
    GiteaProvider impatient = new GiteaProvider(gitea.baseUrl(), TOKEN,
        new ProviderTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));

    assertThatThrownBy(() -> impatient.getPullRequest(REPO, 9))
        .isInstanceOfSatisfying(GitProviderException.class,
            e -> assertThat(e.status()).isZero());
  }
}
