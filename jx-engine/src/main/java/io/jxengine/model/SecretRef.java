package io.jxengine.model;

/**
 * A secret injected as an environment variable: {@code env} receives the value of {@code key} in
 * the secret named {@code secret}. Locally the value comes from the secrets file or an environment
 * variable; on Kubernetes this becomes a {@code secretKeyRef}. Values are never stored in the model.
 */
public record SecretRef(String env, String secret, String key, Pos pos) {}
