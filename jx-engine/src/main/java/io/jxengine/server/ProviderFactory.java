package io.jxengine.server;

import io.jxengine.scm.GitProvider;
import io.jxengine.server.repos.Repository;
import java.util.Optional;

/**
 * Gives the API client of a repository's git provider, or empty when the engine does not report
 * back to it (plain git, no token). Called per report: implementations should cache clients.
 * Thread-safe.
 */
@FunctionalInterface
public interface ProviderFactory {
  Optional<GitProvider> forRepository(Repository repo);

  /** Never reports back: for plain git and until a real provider is wired. */
  static ProviderFactory none() {
    return repo -> Optional.empty();
  }
}
