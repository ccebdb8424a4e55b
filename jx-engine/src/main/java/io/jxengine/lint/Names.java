package io.jxengine.lint;

import io.jxengine.diag.Texts;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Naming rules: Kubernetes DNS-1123 labels for pipelines, stages and steps; env variable names. */
public final class Names {
  private static final Pattern LABEL_CHARS = Pattern.compile("[a-z0-9-]+");
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** The variables the engine sets for every step (Jenkins X job variables); see the syntax doc. */
  public static final Set<String> ENGINE_VARIABLES =
      Set.of(
          "REPO_OWNER", "REPO_NAME", "BRANCH_NAME", "PULL_NUMBER", "PULL_BASE_REF", "PULL_BASE_SHA",
          "PULL_PULL_SHA", "BUILD_ID", "BUILD_NUMBER", "JOB_NAME", "JOB_TYPE", "VERSION", "WORKSPACE");

  private Names() {}

  /** Why {@code name} is not a DNS-1123 label, or empty when it is one. */
  public static Optional<String> labelProblem(String name) {
    if (name.isEmpty()) {
      return Optional.of(Texts.get("reason.name.empty"));
    }
    if (name.length() > 63) {
      return Optional.of(Texts.get("reason.name.tooLong"));
    }
    if (!LABEL_CHARS.matcher(name).matches()) {
      return Optional.of(Texts.get("reason.name.chars"));
    }
    if (name.startsWith("-") || name.endsWith("-")) {
      return Optional.of(Texts.get("reason.name.edges"));
    }
    return Optional.empty();
  }

  /** A valid label close to {@code name}: {@code "Build & Test"} → {@code "build-test"}. */
  public static String slug(String name, String fallback) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 63) {
      s = s.substring(0, 63).replaceAll("-+$", "");
    }
    return s.isEmpty() ? fallback : s;
  }

  public static boolean isEnvName(String name) {
    return ENV.matcher(name).matches();
  }

  /** True for variables the engine sets itself: the job variables and every {@code JX_*}. */
  public static boolean isEngineVariable(String name) {
    return ENGINE_VARIABLES.contains(name) || name.startsWith("JX_");
  }
}
