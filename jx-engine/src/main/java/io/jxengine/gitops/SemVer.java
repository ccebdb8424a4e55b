package io.jxengine.gitops;

import java.util.regex.Pattern;

/** Semantic versions (semver.org 2.0.0), with the optional leading {@code v} of git tags. */
public final class SemVer {
  private static final Pattern SEMVER =
      Pattern.compile(
          "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  private SemVer() {}

  /** True for {@code 1.2.3}, {@code v1.2.3}, {@code 2.0.0-rc.1+build.5}; false for null. */
  public static boolean isValid(String version) {
    return version != null && version.length() <= 128 && SEMVER.matcher(version).matches();
  }

  /** The version without a leading {@code v}, as charts and manifests write it. */
  public static String normalize(String version) {
    return version.startsWith("v") ? version.substring(1) : version;
  }
}
