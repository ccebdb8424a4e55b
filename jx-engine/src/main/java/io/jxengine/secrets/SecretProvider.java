package io.jxengine.secrets;

import java.util.Optional;

/**
 * Where secret values come from. Locally: the secrets file and environment variables; on a
 * cluster: Kubernetes Secrets (referenced, never read by the engine). Thread-safe.
 */
public interface SecretProvider {
  /** The value of {@code key} in the secret {@code name}, or empty when it is not configured. */
  Optional<String> lookup(String name, String key);

  /**
   * Why this provider withholds a secret it manages from the current caller (such as the
   * engine's cluster credentials asked for by a repository that is not an environment), or empty
   * when it does not: a withheld secret is reported as such (JX405) instead of "not found".
   */
  default Optional<String> withheld(String name, String key) {
    return Optional.empty();
  }

  /** The environment variable that can supply this secret: {@code JXE_SECRET_<NAME>_<KEY>}. */
  static String envVarFor(String name, String key) {
    return ("JXE_SECRET_" + name + "_" + key).toUpperCase(java.util.Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_");
  }
}
