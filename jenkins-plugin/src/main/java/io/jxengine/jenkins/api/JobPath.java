package io.jxengine.jenkins.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A job's full name as Jenkins writes it ({@code folder/sub/job}), as validated segments. Every
 * segment passes {@link #checkName}, so a path built from one never leaves its folder: no
 * {@code ..}, no slash or backslash, no control characters. Immutable.
 */
public record JobPath(List<String> segments) {
  /** Longest name segment accepted (Jenkins has no limit; file systems do). */
  static final int MAX_NAME = 200;

  /** Characters Jenkins refuses in item names ({@code Jenkins.checkGoodName}). */
  private static final String UNSAFE = "?*/\\%!@#$^&|<>[]:;";

  public JobPath {
    segments = List.copyOf(segments);
    segments.forEach(JobPath::checkName);
  }

  public static final JobPath ROOT = new JobPath(List.of());

  /** Parses {@code a/b/c}; any bad segment → 400. */
  public static JobPath parse(String fullName) {
    if (fullName == null || fullName.isEmpty()) {
      throw JenkinsApiException.badRequest("a job name is required");
    }
    return new JobPath(List.of(fullName.split("/", -1)));
  }

  /**
   * Throws a 400 {@link JenkinsApiException} unless {@code name} is a good item name: not empty,
   * not {@code .} or {@code ..}, no control characters or {@value #UNSAFE}, no leading or
   * trailing space, not ending in a dot, at most {@value #MAX_NAME} characters.
   */
  public static String checkName(String name) {
    String why = problem(name);
    if (why != null) {
      throw JenkinsApiException.badRequest("bad job name '" + printable(name) + "': " + why);
    }
    return name;
  }

  /** Why {@code name} is not a good item name, or null when it is. */
  static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "it is empty";
    }
    if (name.equals(".") || name.equals("..")) {
      return "'.' and '..' are not names";
    }
    if (name.length() > MAX_NAME) {
      return "longer than " + MAX_NAME + " characters";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        return "control characters are not allowed";
      }
      if (UNSAFE.indexOf(c) >= 0) {
        return "'" + c + "' is not allowed";
      }
    }
    if (name.endsWith(".")) {
      return "a name cannot end with '.'";
    }
    if (!name.strip().equals(name)) {
      return "a name cannot start or end with a space";
    }
    return null;
  }

  private static String printable(String name) {
    if (name == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    name.codePoints().limit(80).forEach(c -> {
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The last segment (the job's own name); empty for the root. */
  public String name() {
    return isRoot() ? "" : segments.get(segments.size() - 1);
  }

  public JobPath parent() {
    return isRoot() ? this : new JobPath(segments.subList(0, segments.size() - 1));
  }

  public JobPath child(String name) {
    List<String> s = new ArrayList<>(segments);
    s.add(name);
    return new JobPath(s);
  }

  /** {@code folder/job}, as Jenkins' {@code fullName}. */
  public String fullName() {
    return String.join("/", segments);
  }

  /** The URL path below the API's root: {@code job/folder/job/name/} (empty for the root). */
  public String urlPath() {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      b.append("job/").append(UrlSegments.encode(s)).append('/');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return fullName();
  }
}
