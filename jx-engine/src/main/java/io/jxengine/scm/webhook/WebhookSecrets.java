package io.jxengine.scm.webhook;

import io.jxengine.scm.RepoRef;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link WebhookHandler} finds the shared secret of a registered repository. Called once per
 * delivery, from the server's request threads: implementations must be thread-safe and fast (no
 * network call per delivery). A repository registered with an empty secret can never pass
 * verification: {@link Signatures} refuses empty secrets.
 */
public interface WebhookSecrets {
  /** The webhook secret of a registered repository, empty when the repository is unknown. */
  Optional<String> secretFor(RepoRef repo);

  /** A fixed table, for tests, the bench and small setups. */
  static WebhookSecrets of(Map<RepoRef, String> secrets) {
    Map<RepoRef, String> copy = Map.copyOf(secrets);
    return repo -> Optional.ofNullable(copy.get(repo));
  }
}
