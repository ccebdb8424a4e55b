package io.jxengine.server.api;

import io.jxengine.scm.ProviderKind;
import io.jxengine.server.repos.Repository;
import java.time.Instant;

/**
 * A repository as the API shows it. Leaves out the webhook secret and the token secret's name:
 * anyone who can read the UI can read this, and
 * strips credentials from the clone URL.
 */
record RepositoryView(
    long id,
    ProviderKind provider,
    String owner,
    String name,
    String fullName,
    String cloneUrl,
    String defaultBranch,
    String localPath,
    Long pollIntervalSeconds,
    Instant created) {
  static RepositoryView of(Repository r) {
    return new RepositoryView(r.id(), r.provider(), r.owner(), r.name(), r.fullName(),
        withoutCredentials(r.cloneUrl()), r.defaultBranch(), r.localPath(),
        r.pollInterval() == null ? null : r.pollInterval().toSeconds(), r.created());
  }

  /** A clone URL may carry {@code user:token@}; the API never shows it. */
  static String withoutCredentials(String url) {
    return url == null ? null : url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
  }
}
