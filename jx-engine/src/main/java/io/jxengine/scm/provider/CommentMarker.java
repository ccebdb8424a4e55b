package io.jxengine.scm.provider;

import java.util.regex.Pattern;

/**
 * The hidden line that lets the engine find its own pull-request comment again: {@code <!--
 * jxe:marker -->}. Markdown renderers on GitHub and GitLab hide HTML comments, so users only see
 * the body.
 */
public final class CommentMarker {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._/-]{1,100}");

  private CommentMarker() {}

  /**
   * The marker line for {@code marker}.
   *
   * @throws IllegalArgumentException when the marker could break out of the HTML comment; markers
   *     are chosen by engine code, never by users
   */
  public static String line(String marker) {
    if (marker == null || !VALID.matcher(marker).matches()) {
      throw new IllegalArgumentException(
          "comment marker must match " + VALID.pattern() + ", was: " + marker);
    }
    return "<!-- jxe:" + marker + " -->";
  }

  /** True when {@code body} carries the marker line of {@code marker}. */
  public static boolean isMarked(String body, String marker) {
    return body != null && body.contains(line(marker));
  }

  /** {@code body} ending with the marker line (added once, even if the body already has it). */
  public static String mark(String body, String marker) {
    String line = line(marker);
    String text = body == null ? "" : body.replace(line, "").stripTrailing();
    return text.isEmpty() ? line : text + "\n\n" + line;
  }
}
