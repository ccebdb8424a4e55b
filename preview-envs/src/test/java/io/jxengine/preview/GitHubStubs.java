package io.jxengine.preview;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * WireMock as GitHub's REST API (v3) for {@code acme/app}, one pull request: the repository, the
 * issue, the pull request's state, and its comments, stateful so that the first comment is
 * created and later ones find it by its marker and update it. Bodies are trimmed to the fields
 * hub4j reads (as the core's provider tests do).
 */
final class GitHubStubs {
  static final long COMMENT_ID = 500;

  private GitHubStubs() {}

  static void pullRequest(WireMockServer gh, int number, String state) {
    gh.stubFor(get("/repos/acme/app").willReturn(okJson("""
        {"id": 1296269, "name": "app", "full_name": "acme/app",
         "owner": {"login": "acme", "id": 1, "type": "Organization"}, "private": false,
         "html_url": "https://github.com/acme/app", "url": "%s/repos/acme/app",
         "default_branch": "main"}""".formatted(gh.baseUrl()))));
    gh.stubFor(get("/repos/acme/app/issues/" + number).willReturn(okJson("""
        {"id": 1, "number": %d, "state": "open", "title": "Add feature",
         "html_url": "https://github.com/acme/app/pull/%d",
         "pull_request": {"url": "https://api.github.com/repos/acme/app/pulls/%d"}}"""
        .formatted(number, number, number))));
    gh.stubFor(get("/repos/acme/app/pulls/" + number).willReturn(okJson("""
        {"id": 9, "number": %d, "state": "%s", "title": "Add feature",
         "html_url": "https://github.com/acme/app/pull/%d",
         "head": {"ref": "feature", "sha": "aaa111", "label": "acme:feature"},
         "base": {"ref": "main", "sha": "bbb222", "label": "acme:main"},
         "merged": false, "mergeable": true, "mergeable_state": "clean",
         "merge_commit_sha": null}""".formatted(number, state, number))));
    gh.stubFor(post(urlPathMatching("/repos/acme/app/statuses/.*")).willReturn(aResponse()
        .withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\": 1, \"state\": \"success\", \"context\": \"jx-engine/pr\"}")));
    String comments = "/repos/acme/app/issues/" + number + "/comments";
    String existing = """
        {"id": %d, "body": "preview\\n\\n<!-- jxe:jxe-preview -->",
         "user": {"login": "jxe", "id": 2},
         "html_url": "https://github.com/acme/app/pull/%d#issuecomment-%d"}"""
        .formatted(COMMENT_ID, number, COMMENT_ID);
    gh.stubFor(get(urlPathEqualTo(comments)).inScenario("comment")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
    gh.stubFor(post(comments).inScenario("comment").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("commented")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(existing)));
    gh.stubFor(get(urlPathEqualTo(comments)).inScenario("comment")
        .whenScenarioStateIs("commented").willReturn(okJson("[" + existing + "]")));
    gh.stubFor(patch("/repos/acme/app/issues/comments/" + COMMENT_ID)
        .willReturn(okJson(existing)));
  }
}
