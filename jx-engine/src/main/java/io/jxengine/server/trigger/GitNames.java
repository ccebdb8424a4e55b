package io.jxengine.server.trigger;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Checks for names that come from webhooks before they go into a JGit ref name or a path. A
 * branch such as {@code $(touch pwned)} is fine as data in a RunContext, but never becomes part
 * of a refspec or a file name unless it passes here. Pure.
 */
public final class GitNames {
  private GitNames() {}

  /** True for a full 40-hex commit id. */
  public static boolean isSha(String sha) {
    return sha != null && ObjectId.isId(sha);
  }

  /** True for the all-zeros id providers send for "no commit". */
  public static boolean isZeroSha(String sha) {
    return sha != null && !sha.isEmpty() && sha.chars().allMatch(c -> c == '0');
  }

  /**
   * True when {@code branch} is a valid git branch name that is also safe on a command line and in
   * a refspec: git's own rules, no leading dash, no wildcard, no whitespace or control characters.
   */
  public static boolean isSafeBranch(String branch) {
    if (branch == null || branch.isEmpty() || branch.length() > 255 || branch.startsWith("-")) {
      return false;
    }
    for (int i = 0; i < branch.length(); i++) {
      char c = branch.charAt(i);
      if (c <= ' ' || c == 0x7f || c == '*' || c == '$' || c == '`' || c == '\\') {
        return false;
      }
    }
    return Repository.isValidRefName("refs/heads/" + branch);
  }
}
