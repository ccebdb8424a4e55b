package io.jxengine.server.repos;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks repository names before they are stored: the owner and name end up in paths (mirrors,
 * workspaces, logs) and URLs, so only {@code [A-Za-z0-9._-]+} segments are allowed, never
 * {@code .} or {@code ..}. The owner may nest ({@code group/sub}, as on GitLab). Pure.
 */
public final class RepoNames {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
  private static final int MAX_LENGTH = 255;

  private RepoNames() {}

  /** Why {@code owner/name} is not a valid repository name, or empty when it is. */
  public static Optional<String> problem(String owner, String name) {
    if (owner == null || owner.isEmpty()) {
      return Optional.of("the owner is missing (expected owner/repo)");
    }
    if (name == null || name.isEmpty()) {
      return Optional.of("the repository name is missing (expected owner/repo)");
    }
    if (owner.length() + name.length() + 1 > MAX_LENGTH) {
      return Optional.of("the name is longer than " + MAX_LENGTH + " characters");
    }
    if (name.contains("/")) {
      return Optional.of("the repository name '" + name + "' contains '/'");
    }
    for (String segment : (owner + "/" + name).split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        return Optional.of(
            "'" + owner + "/" + name + "' is not a valid owner/repo: each part may only use"
                + " letters, digits, '.', '_' and '-'");
      }
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.of("'" + owner + "/" + name + "' contains '" + segment + "'");
      }
    }
    return Optional.empty();
  }

  /**
   * Splits {@code owner/repo} (the last slash separates the name; GitLab owners may nest), or
   * empty when there is no slash.
   */
  public static Optional<String[]> split(String fullName) {
    int slash = fullName == null ? -1 : fullName.lastIndexOf('/');
    if (slash <= 0 || slash == fullName.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new String[] {fullName.substring(0, slash), fullName.substring(slash + 1)});
  }
}
