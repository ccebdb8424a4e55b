package io.jxengine.kube.crd;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns free text (owner, repository, branch names) into valid Kubernetes names and label values:
 * at most 63 characters, lower-case alphanumerics and '-' (plus '_' and '.' inside label values).
 * A shortened or rewritten text gets a stable 8-character hash of the original as its suffix, so
 * two texts that differ only in dropped characters still get different names.
 */
public final class KubeLabels {
  static final int MAX = 63;
  private static final int HASH = 8;

  private KubeLabels() {}

  /** A DNS-1123 label: {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}, at most 63 characters. */
  public static String dnsLabel(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String clean = trimDashes(lower.replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-"));
    if (clean.equals(text) && !clean.isEmpty() && clean.length() <= MAX) {
      return clean;
    }
    return withHash(clean, text, "-");
  }

  /** A label value: empty, or alphanumerics at both ends with '-', '_', '.' between. */
  public static String value(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String clean = text.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "")
        .replaceAll("[^A-Za-z0-9]+$", "");
    if (clean.equals(text) && clean.length() <= MAX) {
      return clean;
    }
    return withHash(clean, text, "-");
  }

  private static String withHash(String clean, String original, String separator) {
    String hash = hash(original);
    int room = MAX - HASH - separator.length();
    String head = trimDashes(clean.length() > room ? clean.substring(0, room) : clean)
        .replaceAll("[^A-Za-z0-9]+$", "");
    return head.isEmpty() ? hash : head + separator + hash;
  }

  private static String trimDashes(String s) {
    return s.replaceAll("^-+", "").replaceAll("-+$", "");
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
