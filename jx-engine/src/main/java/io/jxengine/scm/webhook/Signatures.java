package io.jxengine.scm.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signature checks for the three providers. Every comparison is constant-time ({@link
 * MessageDigest#isEqual}) so an attacker cannot learn a valid signature byte by byte from response
 * times. HMACs are computed over the raw body bytes exactly as received. Every method returns false
 * (never throws) for a null, empty or badly formed input; an empty secret never verifies anything.
 * Stateless and thread-safe.
 */
public final class Signatures {
  private static final String GITHUB_PREFIX = "sha256=";
  private static final String HMAC = "HmacSHA256";
  /**
   * One Mac per thread: looking the algorithm up costs more than the HMAC of a small body. Each
   * use starts with {@link Mac#init}, which resets it, so no key or state crosses deliveries.
   */
  private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance(HMAC);
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory in every Java platform; this cannot happen.
      throw new IllegalStateException(e);
    }
  });

  private Signatures() {}

  /** GitHub's {@code X-Hub-Signature-256}: {@code sha256=} then the hex HMAC-SHA256 of the body. */
  public static boolean verifyGitHub(String secret, byte[] body, String header) {
    if (header == null || !header.startsWith(GITHUB_PREFIX)) {
      return false;
    }
    return verifyHex(secret, body, header.substring(GITHUB_PREFIX.length()));
  }

  /** Gitea's {@code X-Gitea-Signature}: the bare hex HMAC-SHA256 of the body. */
  public static boolean verifyGitea(String secret, byte[] body, String header) {
    return verifyHex(secret, body, header);
  }

  /**
   * GitLab's {@code X-Gitlab-Token}: the secret itself, sent as is. Both sides are hashed first so
   * the comparison takes the same time whatever the lengths.
   */
  public static boolean verifyGitLabToken(String secret, String header) {
    if (isEmpty(secret) || header == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(utf8(secret)), sha256(utf8(header)));
  }

  /**
   * The {@code X-Hub-Signature-256} value GitHub would send: for tests, the bench, re-delivery.
   *
   * @throws IllegalArgumentException when {@code secret} is null or empty
   */
  public static String signGitHub(String secret, byte[] body) {
    return GITHUB_PREFIX + hmacHex(secret, body);
  }

  /**
   * The {@code X-Gitea-Signature} value Gitea would send.
   *
   * @throws IllegalArgumentException when {@code secret} is null or empty
   */
  public static String signGitea(String secret, byte[] body) {
    return hmacHex(secret, body);
  }

  /** The lower-case hex SHA-256 of {@code bytes}: stable ids for deliveries that carry none. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256(bytes));
  }

  private static boolean verifyHex(String secret, byte[] body, String givenHex) {
    if (isEmpty(secret) || body == null || givenHex == null) {
      return false;
    }
    // Providers send lower-case hex; accept upper case too rather than fail on a proxy's whim.
    byte[] given = givenHex.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = hmacHex(secret, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private static String hmacHex(String secret, byte[] body) {
    if (isEmpty(secret)) {
      throw new IllegalArgumentException("an HMAC needs a non-empty secret");
    }
    try {
      Mac mac = MACS.get();
      mac.init(new SecretKeySpec(utf8(secret), HMAC));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      // A non-empty raw key always suits HmacSHA256; this cannot happen.
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
