package io.jxengine.backend.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jxengine.secrets.SecretProvider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values of the Kubernetes Secrets a cluster run references, read only to mask them in the logs
 * the engine stores (the steps get them through {@code secretKeyRef}, never from the engine). A
 * Secret the engine may not read is not masked and logged once as a warning; it is no error,
 * since the pods may read what the engine may not. Thread-safe.
 */
public final class KubeSecrets implements SecretProvider {
  private static final Logger LOG = LoggerFactory.getLogger(KubeSecrets.class);

  private final KubernetesClient client;
  private final String namespace;

  public KubeSecrets(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public Optional<String> lookup(String name, String key) {
    try {
      Secret s = client.secrets().inNamespace(namespace).withName(name).get();
      if (s == null) {
        return Optional.empty();
      }
      if (s.getStringData() != null && s.getStringData().get(key) != null) {
        return Optional.of(s.getStringData().get(key));
      }
      String b64 = s.getData() == null ? null : s.getData().get(key);
      return b64 == null
          ? Optional.empty()
          : Optional.of(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
    } catch (KubernetesClientException | IllegalArgumentException e) {
      LOG.warn("secret {}/{} cannot be read to mask it in logs: {}", namespace, name, e.getMessage());
      return Optional.empty();
    }
  }
}
