package io.jxengine.jenkins.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * A string of the Jenkinsfile as the engine will see it: literal text and references to
 * environment variables (what {@code "${env.FOO}"} or {@code "$BUILD_NUMBER"} interpolated in
 * Groovy). Groovy never runs, so a reference becomes {@code ${FOO}} for the shell to expand.
 */
record ShellText(List<Object> parts) {
  ShellText {
    parts = List.copyOf(parts);
  }

  static ShellText literal(String s) {
    return new ShellText(List.of(s));
  }

  /** A reference to an environment variable. */
  record Var(String name) {}

  boolean hasVars() {
    return parts.stream().anyMatch(Var.class::isInstance);
  }

  ShellText concat(ShellText other) {
    List<Object> all = new ArrayList<>(parts);
    all.addAll(other.parts);
    return new ShellText(all);
  }

  /** This text without its first {@code n} literal characters (a {@code NAME=} prefix). */
  ShellText dropPrefix(int n) {
    List<Object> rest = new ArrayList<>(parts);
    int left = n;
    while (left > 0 && !rest.isEmpty() && rest.get(0) instanceof String s) {
      if (s.length() <= left) {
        left -= s.length();
        rest.remove(0);
      } else {
        rest.set(0, s.substring(left));
        left = 0;
      }
    }
    return new ShellText(rest);
  }

  /** As shell source: the user's literal text as written, references as {@code ${NAME}}. */
  String shell() {
    StringBuilder b = new StringBuilder();
    for (Object p : parts) {
      b.append(p instanceof Var v ? "${" + v.name() + "}" : (String) p);
    }
    return b.toString();
  }

  /** As one shell word that prints exactly this text (references expanded, nothing else). */
  String quoted() {
    if (!hasVars()) {
      return singleQuoted(shell());
    }
    StringBuilder b = new StringBuilder("\"");
    for (Object p : parts) {
      if (p instanceof Var v) {
        b.append("${").append(v.name()).append('}');
      } else {
        for (char c : ((String) p).toCharArray()) {
          if (c == '"' || c == '\\' || c == '$' || c == '`') {
            b.append('\\');
          }
          b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  static String singleQuoted(String s) {
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }
}
