package io.jxengine.secrets;

import java.util.Optional;

/**
 * Where secret values come from. Locally: the secrets file and environment variables; on a
 * cluster: Kubernetes Secrets (referenced, never read by the engine). Thread-safe.
 */
public interface SecretProvider {
  /** The value of {@code key} in the secret {@code name}, or empty when it is not configured. */
  Optional<String> lookup(String name, String key);

  /** The environment variable that can supply this secret: {@code JXE_SECRET_<NAME>_<KEY>}. */
  static String envVarFor(String name, String key) {
    return ("JXE_SECRET_" + name + "_" + key).toUpperCase(java.util.Locale.ROOT)
        .replaceAll("[^A-Z0-9_]", "_");
  }
}
