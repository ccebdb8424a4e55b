package io.jxengine.scm.provider;

/**
 * Response bodies shaped like GitHub's REST API (v3, 2022-11-28), trimmed to the fields hub4j and
 * the provider read. Field names follow docs.github.com/rest.
 */
final class GitHubJson {
  private GitHubJson() {}

  static String repo(String baseUrl) {
    return """
           {"id": 1296269, "name": "app", "full_name": "acme/app",
            "owner": {"login": "acme", "id": 1, "type": "Organization"},
            "private": false, "html_url": "https://github.com/acme/app",
            "url": "%s/repos/acme/app", "default_branch": "main"}
           """
        .formatted(baseUrl);
  }

  static String issue(int number) {
    return """
           {"id": 1, "number": %d, "state": "open", "title": "Add feature",
            "html_url": "https://github.com/acme/app/pull/%d",
            "pull_request": {"url": "https://api.github.com/repos/acme/app/pulls/%d"}}
           """
        .formatted(number, number, number);
  }

  static String comment(long id, String body) {
    return """
           {"id": %d, "body": %s, "user": {"login": "someone", "id": 2},
            "html_url": "https://github.com/acme/app/pull/7#issuecomment-%d"}
           """
        .formatted(id, quote(body), id);
  }

  /** A pull request as {@code GET /repos/{owner}/{repo}/pulls/{n}} returns it. */
  static String pull(int number, String state, boolean merged, String mergeCommitSha) {
    return """
           {"id": 9, "number": %d, "state": "%s", "title": "Add feature",
            "html_url": "https://github.com/acme/app/pull/%d",
            "head": {"ref": "feature", "sha": "aaa111", "label": "acme:feature"},
            "base": {"ref": "main", "sha": "bbb222", "label": "acme:main"},
            "merged": %s, "mergeable": true, "mergeable_state": "clean",
            "merge_commit_sha": %s}
           """
        .formatted(
            number, state, number, merged, mergeCommitSha == null ? "null" : quote(mergeCommitSha));
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
