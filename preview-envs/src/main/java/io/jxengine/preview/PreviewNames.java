package io.jxengine.preview;

import io.jxengine.compile.tekton.KubeNames;
import java.util.Locale;

/**
 * The namespace (and Preview resource name) of a pull request's preview: {@code
 * jx-<owner>-<repo>-pr-<number>}, always a DNS-1123 label of at most 63 characters. When the
 * owner and repository had to be rewritten (characters Kubernetes refuses, upper case) or
 * shortened, the {@code jx-<owner>-<repo>} part ends with 8 hex digits of the SHA-256 of the
 * original {@code owner/repo}: the same repository always gets the same name, two repositories
 * that only differ in refused characters get different ones, and {@code -pr-<number>} is never
 * cut off. Pure and thread-safe.
 */
public final class PreviewNames {
  private static final int HASH = 8; // KubeNames.hash's length

  private PreviewNames() {}

  /** The namespace of pull request {@code number} of {@code owner/repo}. */
  public static String namespace(String owner, String repo, int number) {
    if (number <= 0) {
      throw new IllegalArgumentException("a pull request number is positive, was " + number);
    }
    String suffix = "-pr-" + number;
    String raw = "jx-" + owner + "-" + repo;
    String clean = clean(raw);
    if (clean.equals(raw) && clean.length() + suffix.length() <= KubeNames.MAX) {
      return clean + suffix;
    }
    String hash = KubeNames.hash(owner + "/" + repo);
    int room = KubeNames.MAX - suffix.length() - HASH - 1;
    String head = clean.length() > room ? clean.substring(0, room) : clean;
    head = head.replaceAll("-+$", "");
    return head + "-" + hash + suffix;
  }

  /** A DNS-1123 label for the application part of a host name ({@code {app}}). */
  public static String app(String repo) {
    return KubeNames.label(repo);
  }

  private static String clean(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
