package io.jxengine.jenkins.api;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF crumbs as Jenkins' {@code DefaultCrumbIssuer} hands them out since 2.176.2 (SECURITY-626):
 * a value bound to the user <em>and the web session</em> it was issued in, sent back in the
 * {@code Jenkins-Crumb} header together with the session cookie. The engine has no sessions to
 * store: issuing a crumb sets a cookie {@value #SESSION_COOKIE} holding a random session id (or
 * keeps the one the client sent), and the crumb is an HMAC of user and session id under a key
 * made at start-up, so crumbs need no storage and end with the server. A crumb sent without its
 * session cookie, or with another, is refused, as Jenkins refuses it; clients that keep cookies
 * (python-jenkins' {@code requests.Session}, JJB) are not affected. Thread-safe.
 */
final class Crumbs {
  static final String FIELD = "Jenkins-Crumb";
  /** Jenkins names its cookie {@code JSESSIONID.<instance hash>}; clients only echo it. */
  static final String SESSION_COOKIE = "JSESSIONID.jxengine";

  private final byte[] key = new byte[32];
  private final SecureRandom random = new SecureRandom();

  Crumbs() {
    random.nextBytes(key);
  }

  /** A crumb for {@code user} in the request's session, starting a session when it has none. */
  String issue(Context ctx, String user) {
    String session = session(ctx);
    if (session == null) {
      byte[] id = new byte[16];
      random.nextBytes(id);
      session = HexFormat.of().formatHex(id);
      Cookie cookie = new Cookie(SESSION_COOKIE, session);
      cookie.setPath("/");
      cookie.setHttpOnly(true);
      ctx.cookie(cookie);
    }
    return issue(user, session);
  }

  /** True when {@code crumb} was issued to {@code user} in the request's session. */
  boolean valid(Context ctx, String user, String crumb) {
    String session = session(ctx);
    return crumb != null && session != null && MessageDigest.isEqual(
        issue(user, session).getBytes(StandardCharsets.UTF_8), crumb.getBytes(StandardCharsets.UTF_8));
  }

  private static String session(Context ctx) {
    String s = ctx.cookie(SESSION_COOKIE);
    return s != null && s.matches("[0-9a-f]{32}") ? s : null;
  }

  private String issue(String user, String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((user + "\n" + session).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
