package io.jxengine.server.trigger;

import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.server.repos.Repository;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may have their pull requests built and give ChatOps commands. A user is trusted when any
 * of these says so, cheapest first: the repository's {@code trustedUsers}; GitHub's author
 * association OWNER, MEMBER or COLLABORATOR; the {@code OWNERS} file on the default branch (never
 * the pull request's own copy, which its author controls); the provider's answer to "org member?"
 * or "write access?". Thread-safe; the provider calls are the only I/O.
 */
public final class TrustPolicy {
  private static final Set<String> TRUSTED_ASSOCIATIONS = Set.of("OWNER", "MEMBER", "COLLABORATOR");

  private TrustPolicy() {}

  /** The answer and what gave it, for notes and replies. */
  public record Verdict(boolean trusted, String reason) {
    static Verdict yes(String reason) {
      return new Verdict(true, reason);
    }

    static Verdict no(String reason) {
      return new Verdict(false, reason);
    }
  }

  /**
   * @param association GitHub's author association, or null
   * @param ownersOnDefaultBranch the default branch's {@code OWNERS} text, read only when needed
   * @param provider the provider's API, empty for plain git
   */
  public static Verdict decide(
      Repository repo,
      String user,
      String association,
      Supplier<Optional<String>> ownersOnDefaultBranch,
      Optional<GitProvider> provider) {
    if (user == null || user.isBlank()) {
      return Verdict.no("the author is unknown");
    }
    if (repo.trustedUsers().stream().anyMatch(u -> u.equalsIgnoreCase(user))) {
      return Verdict.yes(user + " is a trusted user of the repository");
    }
    if (association != null && TRUSTED_ASSOCIATIONS.contains(association.toUpperCase(Locale.ROOT))) {
      return Verdict.yes(user + " is a " + association.toLowerCase(Locale.ROOT));
    }
    Optional<String> owners = ownersOnDefaultBranch.get();
    if (owners.isPresent() && OwnersFile.lists(owners.get(), user)) {
      return Verdict.yes(user + " is listed in OWNERS on " + repo.defaultBranch());
    }
    if (provider.isPresent()) {
      try {
        if (provider.get().isOrgMember(repo.owner(), user)) {
          return Verdict.yes(user + " is a member of " + repo.owner());
        }
        if (provider.get().hasWriteAccess(repo.ref(), user)) {
          return Verdict.yes(user + " has write access");
        }
      } catch (GitProviderException e) {
        // Unable to ask counts as "not trusted": a provider outage must not open the gate.
        return Verdict.no("the provider could not confirm " + user + " (HTTP " + e.status() + ")");
      }
    }
    return Verdict.no(user + " is not a trusted user, in OWNERS or a member of " + repo.owner());
  }
}
