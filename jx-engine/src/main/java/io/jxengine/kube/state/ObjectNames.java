package io.jxengine.kube.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the engine's own objects in its namespace (counters, deliveries, queued runs), derived
 * from keys that may hold any text: a fixed prefix and a SHA-256 prefix of the key, so a key of
 * any length or alphabet gives a valid DNS-1123 name, the same one on every replica.
 */
final class ObjectNames {
  /** 20 hex digits: 80 bits, so distinct keys do not collide in practice. */
  private static final int HASH_CHARS = 20;

  private ObjectNames() {}

  static String of(String prefix, String... keyParts) {
    return prefix + "-" + hash(String.join("\u0000", keyParts));
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
