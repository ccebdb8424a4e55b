package io.jxengine.scm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GitLabProvider against a WireMock GitLab: checks the exact requests gitlab4j sends for us. */
class GitLabProviderIT {
  static final String TOKEN = "glpat-s3cr3tTOKEN";
  static final RepoRef REPO = new RepoRef(ProviderKind.GITLAB, "acme", "app");

  /** Projects are addressed by their URL-encoded path. */
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
  void errorStatusBecomesFailedWithTheErrorInTheDescription() {
    gl.stubFor(
        post(PROJECT + "/statuses/abc123")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": 93, \"sha\": \"abc123\", \"status\": \"failed\", \"name\":"
                            + " \"jx-engine/pr\"}")));

    provider.setCommitStatus(
        REPO,
        "abc123",
        new CommitStatus(
            CommitStatus.State.ERROR, "jx-engine/pr", "runner lost", "https://ci/runs/1"));

    gl.verify(
        postRequestedFor(urlPathEqualTo(PROJECT + "/statuses/abc123"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .withFormParam("state", equalTo("failed"))
            .withFormParam("name", equalTo("jx-engine/pr"))
            .withFormParam("description", equalTo("error: runner lost"))
            .withFormParam("target_url", equalTo("https://ci/runs/1")));
  }

  @Test
  void pendingStatusIsPending() {
    gl.stubFor(post(PROJECT + "/statuses/abc123").willReturn(okJson("{\"id\": 94}")));

    provider.setCommitStatus(
        REPO,
        "abc123",
        new CommitStatus(CommitStatus.State.PENDING, "jx-engine/pr", "Queued", null));

    gl.verify(
        postRequestedFor(urlPathEqualTo(PROJECT + "/statuses/abc123"))
            .withFormParam("state", equalTo("pending"))
            .withFormParam("description", equalTo("Queued")));
  }

  @Test
  void upsertCommentUpdatesTheMarkedNoteOnTheSecondPage() {
    gl.stubFor(
        get(urlPathEqualTo(PROJECT + "/merge_requests/5/notes"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(
                okJson(
                        "["
                            + GitLabJson.note(300, "added 1 commit <!-- jxe:summary -->", true)
                            + ","
                            + GitLabJson.note(301, "looks good", false)
                            + "]")
                    .withHeader("X-Page", "1")
                    .withHeader("X-Per-Page", "2")
                    .withHeader("X-Total", "3")
                    .withHeader("X-Total-Pages", "2")
                    .withHeader("X-Next-Page", "2")));
    gl.stubFor(
        get(urlPathEqualTo(PROJECT + "/merge_requests/5/notes"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                okJson("[" + GitLabJson.note(302, "old\n\n<!-- jxe:summary -->", false) + "]")
                    .withHeader("X-Page", "2")
                    .withHeader("X-Per-Page", "2")
                    .withHeader("X-Total", "3")
                    .withHeader("X-Total-Pages", "2")));
    gl.stubFor(
        put(PROJECT + "/merge_requests/5/notes/302")
            .willReturn(okJson(GitLabJson.note(302, "new\n\n<!-- jxe:summary -->", false))));

    CommentInfo info = provider.upsertComment(REPO, 5, "summary", "new");

    assertThat(info.id()).isEqualTo(302);
    assertThat(info.htmlUrl()).isEqualTo(gl.baseUrl() + "/acme/app/-/merge_requests/5#note_302");
    gl.verify(
        getRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/5/notes"))
            .withQueryParam("per_page", equalTo("100"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
    gl.verify(
        putRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/5/notes/302"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .withFormParam("body", equalTo("new\n\n<!-- jxe:summary -->")));
    gl.verify(0, postRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/5/notes")));
  }

  @Test
  void upsertCommentCreatesANoteWhenNoneIsMarked() {
    gl.stubFor(
        get(urlPathEqualTo(PROJECT + "/merge_requests/5/notes"))
            .willReturn(okJson("[" + GitLabJson.note(301, "looks good", false) + "]")));
    gl.stubFor(
        post(PROJECT + "/merge_requests/5/notes")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(GitLabJson.note(310, "All green\n\n<!-- jxe:summary -->", false))));

    CommentInfo info = provider.upsertComment(REPO, 5, "summary", "All green");

    assertThat(info.id()).isEqualTo(310);
    assertThat(info.body()).isEqualTo("All green\n\n<!-- jxe:summary -->");
    gl.verify(
        postRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/5/notes"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .withFormParam("body", equalTo("All green\n\n<!-- jxe:summary -->")));
  }

  @Test
  void opensAMergeRequest() {
    gl.stubFor(
        post(PROJECT + "/merge_requests")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(GitLabJson.mergeRequest(5, "opened", null))));

    PullRequestInfo pr = provider.openPullRequest(REPO, "feature", "main", "Add feature", "Body");

    assertThat(pr)
        .isEqualTo(
            new PullRequestInfo(
                5,
                "open",
                false,
                "Add feature",
                "feature",
                "aaa111",
                "main",
                "https://gitlab.example.com/acme/app/-/merge_requests/5",
                true,
                null));
    gl.verify(
        postRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .withFormParam("source_branch", equalTo("feature"))
            .withFormParam("target_branch", equalTo("main"))
            .withFormParam("title", equalTo("Add feature"))
            .withFormParam("description", equalTo("Body")));
  }

  @Test
  void findsTheOpenMergeRequestBySourceAndTarget() {
    gl.stubFor(
        get(urlPathEqualTo(PROJECT + "/merge_requests"))
            .willReturn(okJson("[" + GitLabJson.mergeRequest(5, "opened", null) + "]")));

    Optional<PullRequestInfo> pr = provider.findOpenPullRequest(REPO, "feature", "main");

    assertThat(pr).map(PullRequestInfo::number).contains(5);
    gl.verify(
        getRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests"))
            .withQueryParam("state", equalTo("opened"))
            .withQueryParam("source_branch", equalTo("feature"))
            .withQueryParam("target_branch", equalTo("main"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
  }

  @Test
  void findOpenPullRequestIsEmptyWhenNoneMatches() {
    gl.stubFor(get(urlPathEqualTo(PROJECT + "/merge_requests")).willReturn(okJson("[]")));

    assertThat(provider.findOpenPullRequest(REPO, "feature", "main")).isEmpty();
  }

  @Test
  void getsAMergeRequest() {
    gl.stubFor(
        get(PROJECT + "/merge_requests/5")
            .willReturn(okJson(GitLabJson.mergeRequest(5, "merged", "ccc333"))));

    PullRequestInfo pr = provider.getPullRequest(REPO, 5);

    assertThat(pr.state()).isEqualTo("closed");
    assertThat(pr.merged()).isTrue();
    assertThat(pr.mergeSha()).isEqualTo("ccc333");
    gl.verify(
        getRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/5"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
  }

  @Test
  void acceptsTheMergeRequestWithTheExpectedSha() {
    gl.stubFor(
        put(PROJECT + "/merge_requests/5/merge")
            .willReturn(okJson(GitLabJson.mergeRequest(5, "merged", "ccc333"))));

    PullRequestInfo pr = provider.merge(REPO, 5, "aaa111", "Release 1.2.3");

    assertThat(pr.merged()).isTrue();
    assertThat(pr.mergeSha()).isEqualTo("ccc333");
    gl.verify(
        putRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/5/merge"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN))
            .withFormParam("sha", equalTo("aaa111"))
            .withFormParam("merge_commit_message", equalTo("Release 1.2.3")));
  }

  @Test
  void writeAccessMeansDeveloperOrAbove() {
    stubUser(41, "dev");
    stubUser(42, "reporter");
    stubUser(43, "outsider");
    gl.stubFor(
        get(PROJECT + "/members/all/41").willReturn(okJson(GitLabJson.member(41, "dev", 30))));
    gl.stubFor(
        get(PROJECT + "/members/all/42").willReturn(okJson(GitLabJson.member(42, "reporter", 20))));
    gl.stubFor(
        get(PROJECT + "/members/all/43")
            .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"404 Not found\"}")));
    gl.stubFor(
        get(urlPathEqualTo("/api/v4/users"))
            .withQueryParam("username", equalTo("ghost"))
            .willReturn(okJson("[]")));

    assertThat(provider.hasWriteAccess(REPO, "dev")).isTrue();
    assertThat(provider.hasWriteAccess(REPO, "reporter")).isFalse();
    assertThat(provider.hasWriteAccess(REPO, "outsider")).isFalse();
    assertThat(provider.hasWriteAccess(REPO, "ghost")).isFalse();
    gl.verify(
        getRequestedFor(urlPathEqualTo("/api/v4/users"))
            .withQueryParam("username", equalTo("dev"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
    gl.verify(getRequestedFor(urlPathEqualTo(PROJECT + "/members/all/41")));
  }

  @Test
  void groupMembershipCountsInheritedMembers() {
    stubUser(41, "dev");
    stubUser(43, "outsider");
    gl.stubFor(
        get("/api/v4/groups/acme/members/all/41")
            .willReturn(okJson(GitLabJson.member(41, "dev", 10))));
    gl.stubFor(
        get("/api/v4/groups/acme/members/all/43")
            .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"404 Not found\"}")));

    assertThat(provider.isOrgMember("acme", "dev")).isTrue();
    assertThat(provider.isOrgMember("acme", "outsider")).isFalse();
    gl.verify(
        getRequestedFor(urlPathEqualTo("/api/v4/groups/acme/members/all/41"))
            .withHeader("PRIVATE-TOKEN", equalTo(TOKEN)));
  }

  @Test
  void nestedGroupsAreEncodedIntoOnePathSegment() {
    RepoRef nested = new RepoRef(ProviderKind.GITLAB, "acme/platform", "app");
    gl.stubFor(
        get("/api/v4/projects/acme%2Fplatform%2Fapp/merge_requests/5")
            .willReturn(okJson(GitLabJson.mergeRequest(5, "opened", null))));
    stubUser(41, "dev");
    gl.stubFor(
        get("/api/v4/groups/acme%2Fplatform/members/all/41")
            .willReturn(okJson(GitLabJson.member(41, "dev", 30))));

    assertThat(provider.getPullRequest(nested, 5).number()).isEqualTo(5);
    assertThat(provider.isOrgMember("acme/platform", "dev")).isTrue();
  }

  private void stubUser(long id, String username) {
    gl.stubFor(
        get(urlPathEqualTo("/api/v4/users"))
            .withQueryParam("username", equalTo(username))
            .willReturn(okJson(GitLabJson.users(id, username))));
  }
}
