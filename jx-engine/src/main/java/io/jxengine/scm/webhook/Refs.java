package io.jxengine.scm.webhook;

import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.util.Optional;

/** Git names shared by the three providers: refs, the all-zeros SHA, owner/name paths. */
final class Refs {
  private static final String HEADS = "refs/heads/";
  private static final String TAGS = "refs/tags/";

  private Refs() {}

  /** The branch a ref names, or null when it is not {@code refs/heads/...}. */
  static String branch(String ref) {
    return ref != null && ref.startsWith(HEADS) ? ref.substring(HEADS.length()) : null;
  }

  /** The tag a ref names, or null when it is not {@code refs/tags/...}. */
  static String tag(String ref) {
    return ref != null && ref.startsWith(TAGS) ? ref.substring(TAGS.length()) : null;
  }

  /** True for the all-zeros SHA providers send for "no commit" (created or deleted refs). */
  static boolean isZeroSha(String sha) {
    return sha != null && !sha.isEmpty() && sha.chars().allMatch(c -> c == '0');
  }

  /**
   * Splits {@code owner/name} at the last slash, since GitLab owners may nest ({@code a/b/repo});
   * GitHub and Gitea owners have no slash, so for them it is the only one.
   */
  static Optional<RepoRef> repo(ProviderKind provider, String fullName) {
    if (fullName == null) {
      return Optional.empty();
    }
    int slash = fullName.lastIndexOf('/');
    if (slash <= 0 || slash == fullName.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new RepoRef(provider, fullName.substring(0, slash), fullName.substring(slash + 1)));
  }
}
