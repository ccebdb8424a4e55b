package io.jxengine.jenkins.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The config.xml fixtures under {@code src/test/resources/jobs}. */
final class Fixtures {
  private Fixtures() {}

  static String job(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/jobs/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A freestyle job whose shell builders are these commands. */
  static String freestyle(String... commands) {
    StringBuilder b = new StringBuilder("<?xml version='1.1' encoding='UTF-8'?>\n<project>\n"
        + "  <builders>\n");
    for (String c : commands) {
      b.append("    <hudson.tasks.Shell><command>").append(c.replace("&", "&amp;")
          .replace("<", "&lt;")).append("</command></hudson.tasks.Shell>\n");
    }
    return b.append("  </builders>\n</project>\n").toString();
  }
}
