package io.jxengine.release;

import java.util.List;

/**
 * The next version from the last release and the commits since it (see {@code docs/releases.md}):
 *
 * <ul>
 *   <li>no release yet: {@link #FIRST} (0.1.0), whatever the commits say;
 *   <li>no commit since the release: the release itself (HEAD is already released);
 *   <li>from 1.0.0 on: a breaking change bumps major, a {@code feat} minor, anything else patch;
 *   <li>below 1.0.0 (anything may change, semver §4): a breaking change or a {@code feat} bumps
 *       minor, anything else patch; going to 1.0.0 is a decision, made with an override.
 * </ul>
 *
 * Pure: the same inputs give the same answer.
 */
public final class NextVersion {
  /** The version of a repository's first release. */
  public static final SemVer FIRST = SemVer.of(0, 1, 0);

  private NextVersion() {}

  /**
   * @param last the last released version, or null when there is none
   * @param since the commits after it, in any order
   */
  public static SemVer next(SemVer last, List<ConventionalCommit> since) {
    if (last == null) {
      return FIRST;
    }
    if (since.isEmpty()) {
      return SemVer.of(last.major(), last.minor(), last.patch());
    }
    boolean breaking = since.stream().anyMatch(ConventionalCommit::breaking);
    boolean feature = since.stream().anyMatch(c -> c.kind() == ConventionalCommit.Kind.FEATURE);
    if (last.major() == 0) {
      return breaking || feature ? last.nextMinor() : last.nextPatch();
    }
    if (breaking) {
      return last.nextMajor();
    }
    return feature ? last.nextMinor() : last.nextPatch();
  }

  /** Parses an override given by the user; a clear error when it is not a semantic version. */
  public static SemVer override(String text, String prefix) {
    String bare = text != null && !prefix.isEmpty() && text.startsWith(prefix)
        ? text.substring(prefix.length()) : text;
    return SemVer.parse(bare)
        .orElseThrow(() -> new ReleaseException(
            "'" + text + "' is not a semantic version (MAJOR.MINOR.PATCH, such as 1.4.2)"));
  }
}
