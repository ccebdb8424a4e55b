package io.jxengine.jenkins.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF crumbs as Jenkins' {@code DefaultCrumbIssuer} hands them out: a value bound to the user,
 * sent back in the {@code Jenkins-Crumb} header. Here a crumb is an HMAC of the user name under a
 * key made at start-up, so crumbs need no storage and end with the server. Thread-safe.
 */
final class Crumbs {
  static final String FIELD = "Jenkins-Crumb";

  private final byte[] key = new byte[32];

  Crumbs() {
    new SecureRandom().nextBytes(key);
  }

  String issue(String user) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  boolean valid(String user, String crumb) {
    return crumb != null && MessageDigest.isEqual(
        issue(user).getBytes(StandardCharsets.UTF_8), crumb.getBytes(StandardCharsets.UTF_8));
  }
}
