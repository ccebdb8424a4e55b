package io.jxengine.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.RepoRef;
import io.jxengine.server.repos.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses what a local repository's post-receive hook sends into push events: git's own
 * post-receive lines, {@code <before> <after> <ref>} (what {@code jxe import} installs), or one
 * JSON object per line, {@code {"ref": "refs/heads/main", "before": "<sha>", "after": "<sha>"}}. Refs and
 * SHAs are checked, since they come from whoever can reach the endpoint with the token.
 */
final class GitHookLines {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  // git check-ref-format forbids these too; anything else is data for env vars only.
  private static final Pattern REF = Pattern.compile("refs/(heads|tags)/[^\\x00-\\x20\\x7f~^:?*\\[\\\\]+");

  /** A line that is not a valid update. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private GitHookLines() {}

  static List<GitEvent.Push> parse(byte[] body, Repository repo) throws Malformed {
    List<GitEvent.Push> pushes = new ArrayList<>();
    String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        pushes.add(push(lines[i], i + 1, repo));
      }
    }
    if (pushes.isEmpty()) {
      throw new Malformed("no ref updates in the body");
    }
    return pushes;
  }

  private static GitEvent.Push push(String line, int number, Repository repo) throws Malformed {
    String ref;
    String before;
    String after;
    String trimmed = line.strip();
    if (trimmed.startsWith("{")) {
      JsonNode node;
      try {
        node = JSON.readTree(trimmed);
      } catch (IOException e) {
        throw new Malformed("line " + number + " is not JSON");
      }
      ref = text(node, "ref");
      before = text(node, "before");
      after = text(node, "after");
    } else {
      String[] words = trimmed.split(" ");
      if (words.length != 3) {
        throw new Malformed("line " + number + " is not `<before> <after> <ref>`");
      }
      before = words[0];
      after = words[1];
      ref = words[2];
    }
    if (ref == null || !REF.matcher(ref).matches()) {
      throw new Malformed("line " + number + ": ref must be refs/heads/<branch> or refs/tags/<tag>");
    }
    if (before == null || after == null || !SHA.matcher(before).matches()
        || !SHA.matcher(after).matches()) {
      throw new Malformed("line " + number + ": before and after must be full commit SHAs");
    }
    boolean tag = ref.startsWith("refs/tags/");
    String name = ref.substring(tag ? "refs/tags/".length() : "refs/heads/".length());
    return new GitEvent.Push(
        new RepoRef(repo.provider(), repo.owner(), repo.name()), repo.cloneUrl(), ref,
        tag ? null : name, tag ? name : null, before, after, zeros(before), zeros(after), null,
        null, null, null);
  }

  private static boolean zeros(String sha) {
    return sha.chars().allMatch(c -> c == '0');
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
