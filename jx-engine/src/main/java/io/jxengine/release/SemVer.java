package io.jxengine.release;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0): {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}. Ordered by
 * precedence as semver defines it (a pre-release is lower than its release; build metadata is
 * ignored when comparing, but kept in {@link #toString}). Immutable.
 */
public record SemVer(int major, int minor, int patch, String preRelease, String build)
    implements Comparable<SemVer> {
  // The regular expression semver.org suggests, without a leading "v".
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
  /** Longer strings are refused before the expression runs: versions are short. */
  private static final int MAX_LENGTH = 128;

  public SemVer {
    preRelease = preRelease == null ? "" : preRelease;
    build = build == null ? "" : build;
  }

  public static SemVer of(int major, int minor, int patch) {
    return new SemVer(major, minor, patch, "", "");
  }

  /** Parses {@code text} (no prefix); empty when it is not a semantic version. */
  public static Optional<SemVer> parse(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SemVer(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            m.group(4),
            m.group(5)));
  }

  /** Parses {@code text} after removing {@code prefix} (which must be there when not empty). */
  public static Optional<SemVer> parseTag(String text, String prefix) {
    if (text == null || !text.startsWith(prefix)) {
      return Optional.empty();
    }
    return parse(text.substring(prefix.length()));
  }

  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  public SemVer nextMajor() {
    return of(major + 1, 0, 0);
  }

  public SemVer nextMinor() {
    return of(major, minor + 1, 0);
  }

  public SemVer nextPatch() {
    return of(major, minor, patch + 1);
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    return c != 0 ? c : comparePreRelease(preRelease, o.preRelease);
  }

  private static int comparePreRelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? 1 : -1; // a release is higher than any of its pre-releases
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xn = x[i].chars().allMatch(Character::isDigit);
      boolean yn = y[i].chars().allMatch(Character::isDigit);
      int c;
      if (xn && yn) {
        c = new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]));
      } else if (xn || yn) {
        c = xn ? -1 : 1; // numeric identifiers are lower than alphanumeric ones
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
    if (!preRelease.isEmpty()) {
      s.append('-').append(preRelease);
    }
    if (!build.isEmpty()) {
      s.append('+').append(build);
    }
    return s.toString();
  }
}
