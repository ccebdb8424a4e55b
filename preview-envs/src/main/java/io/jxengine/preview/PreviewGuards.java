package io.jxengine.preview;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sizes of a preview namespace's ResourceQuota and LimitRange. Written as {@code key=value}
 * lists, such as {@code pods=10,limits.memory=4Gi} (quota: any ResourceQuota {@code hard} key) and
 * {@code cpu=1,memory=1Gi,request.cpu=200m,request.memory=256Mi} (limits: the container defaults
 * for limits, and {@code request.*} for requests). Keys given replace the defaults, the others
 * stay. Every value must be a Kubernetes quantity; a bad one is refused naming the parameter, so
 * the step fails before anything is made. Immutable.
 *
 * @param quota the ResourceQuota's {@code hard} entries
 * @param limits the LimitRange's container defaults: {@code cpu}, {@code memory} (limits) and
 *     {@code request.cpu}, {@code request.memory} (requests)
 */
public record PreviewGuards(Map<String, String> quota, Map<String, String> limits) {
  /** The defaults: 20 pods, 2 CPU / 4Gi requested and 4 CPU / 8Gi limits in total; containers 100m/128Mi requested, 500m/512Mi limits. */
  public static final PreviewGuards DEFAULTS = new PreviewGuards(
      ordered("pods", "20", "requests.cpu", "2", "requests.memory", "4Gi", "limits.cpu", "4",
          "limits.memory", "8Gi"),
      ordered("cpu", "500m", "memory", "512Mi", "request.cpu", "100m", "request.memory",
          "128Mi"));

  private static final Pattern QUANTITY =
      Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");
  private static final Pattern QUOTA_KEY = Pattern.compile("[a-z0-9]([a-z0-9./-]{0,250}[a-z0-9])?");
  private static final java.util.List<String> LIMIT_KEYS =
      java.util.List.of("cpu", "memory", "request.cpu", "request.memory");

  public PreviewGuards {
    quota = Map.copyOf(quota);
    limits = Map.copyOf(limits);
  }

  /**
   * The defaults with {@code quotaSpec} and {@code limitsSpec} (either may be null or blank)
   * applied.
   *
   * @param quotaParam and {@code limitsParam} name the parameters in messages
   * @throws IllegalArgumentException naming the parameter and the entry that is wrong
   */
  public static PreviewGuards parse(String quotaSpec, String quotaParam, String limitsSpec,
      String limitsParam) {
    Map<String, String> quota = new LinkedHashMap<>(DEFAULTS.quota);
    Map<String, String> limits = new LinkedHashMap<>(DEFAULTS.limits);
    apply(quotaSpec, quotaParam, quota, true);
    apply(limitsSpec, limitsParam, limits, false);
    return new PreviewGuards(quota, limits);
  }

  private static void apply(String spec, String param, Map<String, String> into, boolean quota) {
    if (spec == null || spec.isBlank()) {
      return;
    }
    if (spec.length() > 2048) {
      throw new IllegalArgumentException(param + " is longer than 2048 characters");
    }
    for (String entry : spec.split(",")) {
      String e = entry.trim();
      int eq = e.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(param + ": `" + e + "` is not key=quantity (such as "
            + (quota ? "pods=10" : "memory=1Gi") + ")");
      }
      String key = e.substring(0, eq).trim();
      String value = e.substring(eq + 1).trim();
      if (quota ? !QUOTA_KEY.matcher(key).matches() : !LIMIT_KEYS.contains(key)) {
        throw new IllegalArgumentException(param + ": unknown key `" + key + "`"
            + (quota ? " (ResourceQuota keys such as pods, requests.cpu, limits.memory)"
                : " (one of " + String.join(", ", LIMIT_KEYS) + ")"));
      }
      if (!QUANTITY.matcher(value).matches()) {
        throw new IllegalArgumentException(param + ": " + key + "=" + value
            + " is not a Kubernetes quantity (such as 500m, 2 or 4Gi)");
      }
      into.put(key, value);
    }
  }

  /** The quota as {@code key=value,...} in a stable order, for logs and the Preview resource. */
  public String quotaText() {
    return text(quota);
  }

  /** The limits as {@code key=value,...} in a stable order. */
  public String limitsText() {
    return text(limits);
  }

  private static String text(Map<String, String> m) {
    return String.join(",", new java.util.TreeMap<>(m).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
