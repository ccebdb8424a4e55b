package io.jxengine.compile;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Glob patterns over branch names, tags and paths: {@code *} matches within one path segment (not
 * {@code /}), {@code **} matches across segments ({@code src/**} matches {@code src/a/b.java},
 * {@code **}{@code /x} also matches {@code x}), {@code ?} matches one character other than
 * {@code /}. Everything else matches itself. Immutable and thread-safe.
 */
public final class Glob {
  private final String glob;
  private final Pattern pattern;

  private Glob(String glob) {
    this.glob = glob;
    this.pattern = Pattern.compile(toRegex(glob));
  }

  public static Glob of(String glob) {
    return new Glob(glob);
  }

  /** True when {@code value} matches any of {@code globs}; false for a null value. */
  public static boolean anyMatch(List<String> globs, String value) {
    if (value == null) {
      return false;
    }
    for (String g : globs) {
      if (of(g).matches(value)) {
        return true;
      }
    }
    return false;
  }

  public boolean matches(String value) {
    return value != null && pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return glob;
  }

  static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
        if (doubleStar) {
          i += 2;
          // "**/" may also match no directory at all, so "**/x" matches "x".
          if (i < glob.length() && glob.charAt(i) == '/') {
            re.append("(?:.*/)?");
            i++;
          } else {
            re.append(".*");
          }
          continue;
        }
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return re.toString();
  }
}
