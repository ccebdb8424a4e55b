package io.jxengine.e2e;

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
 * WireMock as GitHub's REST API (v3) for {@code acme/app}: the repository, commit statuses, and
 * per pull request its state and ONE comment, stateful so that the first comment is created and
 * later ones find it by its marker and update it. Bodies carry the fields hub4j reads.
 */
final class GitHubApi {
  private final WireMockServer gh;

  GitHubApi(WireMockServer gh) {
    this.gh = gh;
    gh.stubFor(get("/repos/acme/app").willReturn(okJson("""
        {"id": 1296269, "name": "app", "full_name": "acme/app",
         "owner": {"login": "acme", "id": 1, "type": "Organization"}, "private": false,
         "html_url": "https://github.com/acme/app", "url": "%s/repos/acme/app",
         "default_branch": "main"}""".formatted(gh.baseUrl()))));
    gh.stubFor(post(urlPathMatching("/repos/acme/app/statuses/.*")).willReturn(aResponse()
        .withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\": 1, \"state\": \"success\", \"context\": \"jx-engine\"}")));
  }

  /** The comment id the engine gets for pull request {@code number}'s preview comment. */
  static long commentId(int number) {
    return 500 + number;
  }

  /** Pull request {@code number} in {@code state} (open or closed); its comment thread is new. */
  void pullRequest(int number, String state) {
    state(number, state);
    gh.stubFor(get("/repos/acme/app/issues/" + number).willReturn(okJson("""
        {"id": %d, "number": %d, "state": "open", "title": "Add feature",
         "html_url": "https://github.com/acme/app/pull/%d",
         "pull_request": {"url": "https://api.github.com/repos/acme/app/pulls/%d"}}"""
        .formatted(number, number, number, number))));
    String comments = "/repos/acme/app/issues/" + number + "/comments";
    String existing = """
        {"id": %d, "body": "preview\\n\\n<!-- jxe:jxe-preview -->",
         "user": {"login": "jxe", "id": 2},
         "html_url": "https://github.com/acme/app/pull/%d#issuecomment-%d"}"""
        .formatted(commentId(number), number, commentId(number));
    String scenario = "comment-" + number;
    gh.stubFor(get(urlPathEqualTo(comments)).inScenario(scenario)
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
    gh.stubFor(post(comments).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("commented")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(existing)));
    gh.stubFor(get(urlPathEqualTo(comments)).inScenario(scenario)
        .whenScenarioStateIs("commented").willReturn(okJson("[" + existing + "]")));
    gh.stubFor(patch("/repos/acme/app/issues/comments/" + commentId(number))
        .willReturn(okJson(existing)));
  }

  /** What the API says of the pull request from now on (the newest stub wins). */
  void state(int number, String state) {
    gh.stubFor(get("/repos/acme/app/pulls/" + number).willReturn(okJson("""
        {"id": %d, "number": %d, "state": "%s", "title": "Add feature",
         "html_url": "https://github.com/acme/app/pull/%d",
         "head": {"ref": "feature-%d", "sha": "aaa111", "label": "acme:feature-%d"},
         "base": {"ref": "main", "sha": "bbb222", "label": "acme:main"},
         "merged": false, "mergeable": true, "mergeable_state": "clean",
         "merge_commit_sha": null}""".formatted(900 + number, number, state, number, number,
        number))));
  }
}
