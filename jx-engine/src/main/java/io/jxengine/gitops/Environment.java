package io.jxengine.gitops;

import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.time.Instant;

/**
 * A registered environment: where its repository is and how promotions reach it.
 *
 * @param repoUrl a clone URL or a local path of the environment repository
 * @param provider {@link ProviderKind#GIT} for a plain repository the engine merges itself
 * @param owner the provider's owner (organisation, group) of the repository; null for GIT
 * @param repoName the provider's repository name; null for GIT
 * @param apiUrl the provider's API root; null for GIT
 * @param tokenSecret the name of the local secret holding the provider token; null for GIT
 * @param branch the branch that describes what runs (promotions merge into it)
 */
public record Environment(
    String name,
    String namespace,
    PromotionStrategy strategy,
    String cluster,
    String repoUrl,
    ProviderKind provider,
    String owner,
    String repoName,
    String apiUrl,
    String tokenSecret,
    String branch,
    Instant created) {

  /** The repository on its provider; only for provider-hosted environments. */
  public RepoRef repoRef() {
    return new RepoRef(provider, owner, repoName);
  }

  public boolean hasProvider() {
    return provider != ProviderKind.GIT;
  }
}
