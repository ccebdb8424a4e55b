package io.jxengine.jenkins.controller;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A job's full name ({@code folder/sub/job}) as the path Jenkins serves it under ({@code
 * job/folder/job/sub/job/job/}). Names come from the controller or the command line, so each
 * segment is checked and percent-encoded: none may be empty, {@code .} or {@code ..} (Jenkins
 * refuses such names too), so a path never leaves the job tree.
 */
final class JobPath {
  private JobPath() {}

  /**
   * The job's path relative to the controller URL, ending in {@code /}.
   *
   * @throws IllegalArgumentException for a name that is not a job full name
   */
  static String of(String fullName) {
    if (fullName == null || fullName.isEmpty() || fullName.length() > 1024) {
      throw new IllegalArgumentException("a job name is needed");
    }
    StringBuilder path = new StringBuilder();
    for (String segment : fullName.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
          || segment.chars().anyMatch(ch -> ch < 0x20 || ch == '\\')) {
        throw new IllegalArgumentException("`" + fullName + "` is not a Jenkins job full name"
            + " (folders separated by '/', no empty, '.' or '..' parts)");
      }
      path.append("job/").append(encode(segment)).append('/');
    }
    return path.toString();
  }

  /** The path of one build of the job. */
  static String build(String fullName, int number) {
    return of(fullName) + number + "/";
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
