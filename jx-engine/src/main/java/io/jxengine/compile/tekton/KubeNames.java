package io.jxengine.compile.tekton;

import io.jxengine.engine.RunContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kubernetes names and labels from user values. Every result is valid whatever the input: a
 * DNS-1123 label ({@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}, at most 63 characters) or a label value.
 * A value that had to be shortened ends with {@code -} and 8 hex digits of the SHA-256 of the
 * whole input, so two long names that share a prefix stay distinct and the same input always
 * gives the same name. Pure and thread-safe.
 */
public final class KubeNames {
  public static final int MAX = 63;
  public static final String PREFIX = "jx-engine.io/";
  private static final int HASH = 8;

  private KubeNames() {}

  /** A DNS-1123 label close to {@code name}; {@code "x"} when nothing usable is left. */
  public static String label(String name) {
    String s = name == null ? "" : name.toLowerCase(Locale.ROOT);
    s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.isEmpty()) {
      s = "x";
    }
    return s.length() <= MAX ? s : shorten(s, name);
  }

  /** The PipelineRun (and Pod prefix) name: {@code <owner>-<repo>-<branch>-<build>}. */
  public static String runName(RunContext ctx, int build) {
    return label(ctx.owner() + "-" + ctx.repo() + "-" + branchOf(ctx) + "-" + build);
  }

  /** A valid label value: letters, digits, {@code -_.}, alphanumeric at both ends, at most 63. */
  public static String labelValue(String value) {
    if (value == null) {
      return "";
    }
    String s = value.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    if (s.length() <= MAX && s.equals(value)) {
      return s;
    }
    if (s.length() + 1 + HASH <= MAX && !s.isEmpty()) {
      return s + "-" + hash(value);
    }
    String cut = s.substring(0, Math.min(s.length(), MAX - HASH - 1)).replaceAll("[^A-Za-z0-9]+$", "");
    return cut.isEmpty() ? hash(value) : cut + "-" + hash(value);
  }

  /** The labels every object of a run carries, so a restarted engine can find its runs again. */
  public static Map<String, String> labels(RunContext ctx, String pipeline, int build) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("app.kubernetes.io/managed-by", "jx-engine");
    m.put(PREFIX + "owner", labelValue(ctx.owner()));
    m.put(PREFIX + "repository", labelValue(ctx.repo()));
    m.put(PREFIX + "branch", labelValue(branchOf(ctx)));
    m.put(PREFIX + "build", String.valueOf(build));
    m.put(PREFIX + "context", labelValue(pipeline));
    return m;
  }

  /** What a run builds: the branch, {@code PR-<n>} for a pull request, else the tag. */
  static String branchOf(RunContext ctx) {
    if (ctx.pullNumber() != null) {
      return "PR-" + ctx.pullNumber();
    }
    if (ctx.branch() != null && !ctx.branch().isEmpty()) {
      return ctx.branch();
    }
    return ctx.tag() == null ? "" : ctx.tag();
  }

  private static String shorten(String cleaned, String original) {
    String cut = cleaned.substring(0, MAX - HASH - 1).replaceAll("-+$", "");
    return cut + "-" + hash(original);
  }

  /** 8 hex digits of the SHA-256 of {@code s}: the suffix that keeps shortened names distinct. */
  public static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, HASH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
