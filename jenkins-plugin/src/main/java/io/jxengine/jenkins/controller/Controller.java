package io.jxengine.jenkins.controller;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One existing Jenkins controller the engine talks to. The API token is never kept here: {@code
 * tokenSecret} names the local secret that holds it ({@code <secret>/<key>}, resolved by the
 * engine's {@link io.jxengine.secrets.SecretProvider} when a request is made).
 *
 * @param name how the engine calls it; also the owner of its imported activities
 * @param url the controller's root URL, always ending in {@code /}
 * @param jobs globs over job full names to import ({@code *} within a folder, {@code **} across
 *     folders); empty imports every job
 */
public record Controller(String name, URI url, String user, String tokenSecret, List<String> jobs) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+");

  public Controller {
    jobs = jobs == null ? List.of() : List.copyOf(jobs);
  }

  /**
   * Checks every field and normalises the URL.
   *
   * @throws IllegalArgumentException naming the field that is wrong, in one line
   */
  public static Controller of(
      String name, String url, String user, String tokenSecret, List<String> jobs) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("controller name `" + name + "` must be lower-case"
          + " letters, digits, '.', '_' or '-' (at most 63)");
    }
    if (user == null || user.isBlank() || user.length() > 256 || user.contains(":")) {
      throw new IllegalArgumentException("controller " + name + ": user must be a Jenkins user"
          + " name (no ':')");
    }
    if (tokenSecret == null || !SECRET.matcher(tokenSecret).matches()) {
      throw new IllegalArgumentException("controller " + name + ": token secret `" + tokenSecret
          + "` must be <secret>/<key> (the API token itself is never written here)");
    }
    return new Controller(name, normaliseUrl(name, url), user, tokenSecret, jobs);
  }

  /** The secret's name, before the slash. */
  public String secretName() {
    return tokenSecret.substring(0, tokenSecret.indexOf('/'));
  }

  /** The key inside the secret, after the slash. */
  public String secretKey() {
    return tokenSecret.substring(tokenSecret.indexOf('/') + 1);
  }

  private static URI normaliseUrl(String name, String url) {
    URI uri;
    try {
      uri = url == null ? null : new URI(url.strip());
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || uri.getRawQuery() != null
        || uri.getRawFragment() != null || uri.getRawUserInfo() != null
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
      throw new IllegalArgumentException("controller " + name + ": url `" + url + "` must be an"
          + " http(s) address without user, query or fragment, such as https://jenkins.example.com/");
    }
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s : s + "/");
  }
}
