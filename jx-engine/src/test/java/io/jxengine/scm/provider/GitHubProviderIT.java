package io.jxengine.scm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jxengine.scm.CommentInfo;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GitHubProvider against a WireMock GitHub: checks the exact requests hub4j sends for us. */
class GitHubProviderIT {
  static final String TOKEN = "ghp_s3cr3tTOKEN";
  static final RepoRef REPO = new RepoRef(ProviderKind.GITHUB, "acme", "app");

  @RegisterExtension
  static WireMockExtension gh =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  GitHubProvider provider;

  @BeforeEach
  void setUp() {
    provider = new GitHubProvider(gh.baseUrl(), TOKEN);
    gh.stubFor(get("/repos/acme/app").willReturn(okJson(GitHubJson.repo(gh.baseUrl()))));
  }

  @Test
  void setsCommitStatusWithTruncatedDescription() {
    gh.stubFor(
        post("/repos/acme/app/statuses/abc123")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": 1, \"state\": \"failure\", \"context\": \"jx-engine/pr\"}")));

    String longDescription = "x".repeat(200);
    provider.setCommitStatus(
        REPO,
        "abc123",
        new CommitStatus(
            CommitStatus.State.FAILURE, "jx-engine/pr", longDescription, "https://ci/runs/1"));

    gh.verify(
        postRequestedFor(urlPathEqualTo("/repos/acme/app/statuses/abc123"))
            .withHeader("Authorization", equalTo("token " + TOKEN))
            .withRequestBody(matchingJsonPath("$.state", equalTo("failure")))
            .withRequestBody(matchingJsonPath("$.context", equalTo("jx-engine/pr")))
            .withRequestBody(matchingJsonPath("$.target_url", equalTo("https://ci/runs/1")))
            .withRequestBody(matchingJsonPath("$.description", equalTo("x".repeat(139) + "…"))));
    // The token's login is never needed, so hub4j must not look it up.
    gh.verify(0, getRequestedFor(urlPathEqualTo("/user")));
  }

  @Test
  void upsertCommentUpdatesTheMarkedCommentFoundOnALaterPage() {
    gh.stubFor(get("/repos/acme/app/issues/7").willReturn(okJson(GitHubJson.issue(7))));
    String page2 = gh.baseUrl() + "/repositories/1296269/issues/7/comments?per_page=100&page=2";
    gh.stubFor(
        get(urlPathEqualTo("/repos/acme/app/issues/7/comments"))
            .willReturn(
                okJson("[" + GitHubJson.comment(100, "lgtm") + "]")
                    .withHeader(
                        "Link", "<" + page2 + ">; rel=\"next\", <" + page2 + ">; rel=\"last\"")));
    gh.stubFor(
        get(urlPathEqualTo("/repositories/1296269/issues/7/comments"))
            .willReturn(
                okJson("[" + GitHubJson.comment(200, "old\n\n<!-- jxe:summary -->") + "]")));
    gh.stubFor(
        patch("/repos/acme/app/issues/comments/200")
            .willReturn(okJson(GitHubJson.comment(200, "new\n\n<!-- jxe:summary -->"))));

    CommentInfo info = provider.upsertComment(REPO, 7, "summary", "new");

    assertThat(info.id()).isEqualTo(200);
    assertThat(info.body()).isEqualTo("new\n\n<!-- jxe:summary -->");
    assertThat(info.htmlUrl()).endsWith("#issuecomment-200");
    gh.verify(
        getRequestedFor(urlPathEqualTo("/repos/acme/app/issues/7/comments"))
            .withQueryParam("per_page", equalTo("100")));
    gh.verify(
        patchRequestedFor(urlPathEqualTo("/repos/acme/app/issues/comments/200"))
            .withHeader("Authorization", equalTo("token " + TOKEN))
            .withRequestBody(matchingJsonPath("$.body", equalTo("new\n\n<!-- jxe:summary -->"))));
    gh.verify(0, postRequestedFor(urlPathEqualTo("/repos/acme/app/issues/7/comments")));
  }

  @Test
  void upsertCommentCreatesACommentEndingWithTheMarker() {
    gh.stubFor(get("/repos/acme/app/issues/7").willReturn(okJson(GitHubJson.issue(7))));
    gh.stubFor(
        get(urlPathEqualTo("/repos/acme/app/issues/7/comments"))
            .willReturn(okJson("[" + GitHubJson.comment(100, "lgtm") + "]")));
    gh.stubFor(
        post("/repos/acme/app/issues/7/comments")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(GitHubJson.comment(300, "All green\n\n<!-- jxe:summary -->"))));

    CommentInfo info = provider.upsertComment(REPO, 7, "summary", "All green");

    assertThat(info.id()).isEqualTo(300);
    gh.verify(
        postRequestedFor(urlPathEqualTo("/repos/acme/app/issues/7/comments"))
            .withHeader("Authorization", equalTo("token " + TOKEN))
            .withRequestBody(
                matchingJsonPath("$.body", equalTo("All green\n\n<!-- jxe:summary -->"))));
    gh.verify(0, patchRequestedFor(urlPathEqualTo("/repos/acme/app/issues/comments/100")));
  }

  @Test
  void opensAPullRequest() {
    gh.stubFor(
        post("/repos/acme/app/pulls")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(GitHubJson.pull(5, "open", false, null))));

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
                "https://github.com/acme/app/pull/5",
                true,
                null));
    gh.verify(
        postRequestedFor(urlPathEqualTo("/repos/acme/app/pulls"))
            .withHeader("Authorization", equalTo("token " + TOKEN))
            .withRequestBody(matchingJsonPath("$.title", equalTo("Add feature")))
            .withRequestBody(matchingJsonPath("$.head", equalTo("feature")))
            .withRequestBody(matchingJsonPath("$.base", equalTo("main")))
            .withRequestBody(matchingJsonPath("$.body", equalTo("Body"))));
  }

  @Test
  void findsTheOpenPullRequestByHeadAndBase() {
    gh.stubFor(
        get(urlPathEqualTo("/repos/acme/app/pulls"))
            .willReturn(okJson("[" + GitHubJson.pull(5, "open", false, null) + "]")));

    Optional<PullRequestInfo> pr = provider.findOpenPullRequest(REPO, "feature", "main");

    assertThat(pr).map(PullRequestInfo::number).contains(5);
    gh.verify(
        getRequestedFor(urlPathEqualTo("/repos/acme/app/pulls"))
            .withQueryParam("state", equalTo("open"))
            .withQueryParam("head", equalTo("acme:feature"))
            .withQueryParam("base", equalTo("main"))
            .withHeader("Authorization", equalTo("token " + TOKEN)));
  }

  @Test
  void findOpenPullRequestIsEmptyWhenNoneMatches() {
    gh.stubFor(get(urlPathEqualTo("/repos/acme/app/pulls")).willReturn(okJson("[]")));

    assertThat(provider.findOpenPullRequest(REPO, "feature", "main")).isEmpty();
  }

  @Test
  void getsAPullRequest() {
    gh.stubFor(
        get("/repos/acme/app/pulls/5")
            .willReturn(okJson(GitHubJson.pull(5, "closed", true, "ccc333"))));

    PullRequestInfo pr = provider.getPullRequest(REPO, 5);

    assertThat(pr.state()).isEqualTo("closed");
    assertThat(pr.merged()).isTrue();
    assertThat(pr.mergeSha()).isEqualTo("ccc333");
    assertThat(pr.headSha()).isEqualTo("aaa111");
    gh.verify(
        getRequestedFor(urlPathEqualTo("/repos/acme/app/pulls/5"))
            .withHeader("Authorization", equalTo("token " + TOKEN)));
  }

  @Test
  void mergesWithTheExpectedHeadShaAndReturnsTheMergedPullRequest() {
    gh.stubFor(
        get("/repos/acme/app/pulls/5")
            .inScenario("merge")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(GitHubJson.pull(5, "open", false, null))));
    gh.stubFor(
        put("/repos/acme/app/pulls/5/merge")
            .inScenario("merge")
            .willSetStateTo("merged")
            .willReturn(
                okJson(
                    "{\"sha\": \"ccc333\", \"merged\": true, \"message\": \"Pull Request"
                        + " successfully merged\"}")));
    gh.stubFor(
        get("/repos/acme/app/pulls/5")
            .inScenario("merge")
            .whenScenarioStateIs("merged")
            .willReturn(okJson(GitHubJson.pull(5, "closed", true, "ccc333"))));

    PullRequestInfo pr = provider.merge(REPO, 5, "aaa111", "Release 1.2.3");

    assertThat(pr.merged()).isTrue();
    assertThat(pr.mergeSha()).isEqualTo("ccc333");
    gh.verify(
        putRequestedFor(urlPathEqualTo("/repos/acme/app/pulls/5/merge"))
            .withHeader("Authorization", equalTo("token " + TOKEN))
            .withRequestBody(matchingJsonPath("$.sha", equalTo("aaa111")))
            .withRequestBody(matchingJsonPath("$.commit_message", equalTo("Release 1.2.3")))
            .withRequestBody(matchingJsonPath("$.merge_method", equalTo("merge"))));
  }

  @Test
  void writeAccessFollowsTheCollaboratorPermission() {
    stubPermission("alice", "admin");
    stubPermission("bob", "write");
    stubPermission("carol", "read");
    stubPermission("dave", "none");
    gh.stubFor(
        get("/repos/acme/app/collaborators/mallory/permission")
            .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}")));

    assertThat(provider.hasWriteAccess(REPO, "alice")).isTrue();
    assertThat(provider.hasWriteAccess(REPO, "bob")).isTrue();
    assertThat(provider.hasWriteAccess(REPO, "carol")).isFalse();
    assertThat(provider.hasWriteAccess(REPO, "dave")).isFalse();
    assertThat(provider.hasWriteAccess(REPO, "mallory")).isFalse();
    gh.verify(
        getRequestedFor(urlPathEqualTo("/repos/acme/app/collaborators/bob/permission"))
            .withHeader("Authorization", equalTo("token " + TOKEN)));
  }

  @Test
  void orgMembershipMustBeActive() {
    gh.stubFor(get("/orgs/acme").willReturn(okJson("{\"login\": \"acme\", \"id\": 1}")));
    stubMembership("alice", "active");
    stubMembership("bob", "pending");
    gh.stubFor(
        get("/orgs/acme/memberships/mallory")
            .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}")));

    assertThat(provider.isOrgMember("acme", "alice")).isTrue();
    assertThat(provider.isOrgMember("acme", "bob")).isFalse();
    assertThat(provider.isOrgMember("acme", "mallory")).isFalse();
    gh.verify(
        getRequestedFor(urlPathEqualTo("/orgs/acme/memberships/alice"))
            .withHeader("Authorization", equalTo("token " + TOKEN)));
  }

  @Test
  void membershipCheckAnswersNoContentToo() {
    // Guards the assumption that nothing in the membership path uses the 204-style members API.
    gh.stubFor(get("/orgs/acme").willReturn(okJson("{\"login\": \"acme\", \"id\": 1}")));
    gh.stubFor(get("/orgs/acme/members/alice").willReturn(noContent()));
    stubMembership("alice", "active");

    assertThat(provider.isOrgMember("acme", "alice")).isTrue();
    gh.verify(0, getRequestedFor(urlPathEqualTo("/orgs/acme/members/alice")));
  }

  @Test
  void enterpriseApiRootKeepsItsPathPrefix() {
    GitHubProvider enterprise = new GitHubProvider(gh.baseUrl() + "/api/v3", TOKEN);
    gh.stubFor(
        get("/api/v3/repos/acme/app")
            .willReturn(okJson(GitHubJson.repo(gh.baseUrl() + "/api/v3"))));
    gh.stubFor(
        get("/api/v3/repos/acme/app/pulls/5")
            .willReturn(okJson(GitHubJson.pull(5, "open", false, null))));

    assertThat(enterprise.getPullRequest(REPO, 5).number()).isEqualTo(5);
    gh.verify(
        getRequestedFor(urlPathEqualTo("/api/v3/repos/acme/app/pulls/5"))
            .withHeader("Authorization", equalTo("token " + TOKEN)));
  }

  private void stubPermission(String user, String permission) {
    gh.stubFor(
        get("/repos/acme/app/collaborators/" + user + "/permission")
            .willReturn(
                okJson(
                    "{\"permission\": \"%s\", \"role_name\": \"%s\", \"user\": {\"login\": \"%s\"}}"
                        .formatted(permission, permission, user))));
  }

  private void stubMembership(String user, String state) {
    gh.stubFor(
        get("/orgs/acme/memberships/" + user)
            .willReturn(
                okJson(
                    """
                    {"state": "%s", "role": "member", "user": {"login": "%s"},
                     "organization": {"login": "acme"}}
                    """
                        .formatted(state, user))));
  }
}
