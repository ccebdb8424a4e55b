package io.jxengine.server.repos;

import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A repository registered with the engine ({@code jxe import}).
 *
 * @param cloneUrl where the engine fetches from (https, ssh, file path of a local bare repository)
 * @param apiUrl the provider's API base URL, or null for plain git
 * @param tokenSecret the local secret holding the provider API token, as {@code <secret>/<key>},
 *     or null when the engine does not report back
 * @param webhookSecret the generated secret webhooks are signed (or sent) with
 * @param defaultBranch the branch whose OWNERS file decides trust, such as {@code main}
 * @param trustedUsers users allowed to run pull requests and ChatOps without an OWNERS entry
 * @param localPath the bare repository on this machine whose hook notifies the engine, or null
 * @param pollInterval how often to ls-remote for repositories without webhooks, or null
 */
public record Repository(
    long id,
    ProviderKind provider,
    String owner,
    String name,
    String cloneUrl,
    String apiUrl,
    String tokenSecret,
    String webhookSecret,
    String defaultBranch,
    List<String> trustedUsers,
    String localPath,
    Duration pollInterval,
    Instant created) {
  public Repository {
    trustedUsers = List.copyOf(trustedUsers);
  }

  public RepoRef ref() {
    return new RepoRef(provider, owner, name);
  }

  public String fullName() {
    return owner + "/" + name;
  }
}
