package io.jxengine.scm.provider;

/**
 * Response bodies shaped like GitLab's REST API v4 (docs.gitlab.com/api), trimmed to the fields
 * gitlab4j and the provider read.
 */
final class GitLabJson {
  private GitLabJson() {}

  static String mergeRequest(int iid, String state, String mergeCommitSha) {
    return """
           {"id": 77, "iid": %d, "project_id": 3, "title": "Add feature", "state": "%s",
            "source_branch": "feature", "target_branch": "main", "sha": "aaa111",
            "merge_commit_sha": %s, "squash_commit_sha": null,
            "web_url": "https://gitlab.example.com/acme/app/-/merge_requests/%d",
            "merge_status": "can_be_merged", "detailed_merge_status": "mergeable"}
           """
        .formatted(
            iid, state, mergeCommitSha == null ? "null" : GitHubJson.quote(mergeCommitSha), iid);
  }

  static String note(long id, String body, boolean system) {
    return """
           {"id": %d, "body": %s, "system": %s, "noteable_type": "MergeRequest", "noteable_iid": 5,
            "author": {"id": 9, "username": "jxe-bot"}}
           """
        .formatted(id, GitHubJson.quote(body), system);
  }

  static String users(long id, String username) {
    return "[{\"id\": %d, \"username\": \"%s\", \"name\": \"%s\", \"state\": \"active\"}]"
        .formatted(id, username, username);
  }

  static String member(long id, String username, int accessLevel) {
    return "{\"id\": %d, \"username\": \"%s\", \"state\": \"active\", \"access_level\": %d}"
        .formatted(id, username, accessLevel);
  }
}
