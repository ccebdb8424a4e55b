package io.jxengine.gitops;

import java.util.Optional;
import java.util.Set;

/**
 * Approvals of Manual promotions given on the environment repository's pull request, such as a
 * trusted user's {@code /approve} (or {@code /lgtm}) comment seen by the server's ChatOps: the
 * pull request's branch {@code promote/<app>-<version>} says which promotion it is, and the
 * approval is recorded as {@code jxe promote --approve} records it, so the waiting promotion
 * merges. Who may approve is the caller's decision. Thread-safe (the store is).
 */
public final class PromotionApprovals {
  /** The comment commands that approve a promotion. */
  public static final Set<String> COMMANDS = Set.of("/approve", "/lgtm");

  private static final String PREFIX = "promote/";

  private final EnvironmentStore environments;

  public PromotionApprovals(EnvironmentStore environments) {
    this.environments = environments;
  }

  /** A promotion waiting on a pull request. */
  public record Promotion(Environment environment, String app, String version) {
    /** The merge commit's title, as the promotion itself writes it. */
    public String title() {
      return new PromotionRequest(app, version, environment.name(), null, null).title();
    }
  }

  /**
   * The promotion whose branch {@code headBranch} is, on the repository {@code owner/repo} at
   * {@code gitUrl}, when that repository is a registered environment's; else empty.
   */
  public Optional<Promotion> promotion(String owner, String repo, String gitUrl, String headBranch) {
    Optional<AppVersion> branch = parseBranch(headBranch);
    if (branch.isEmpty()) {
      return Optional.empty();
    }
    return EnvironmentMatch.of(environments.environments(), owner, repo, gitUrl)
        .map(env -> new Promotion(env, branch.get().app(), branch.get().version()));
  }

  /** Records the approval; a repeated one keeps the first approver. */
  public void approve(Promotion promotion, String approver) {
    environments.approve(promotion.environment().name(), promotion.app(), promotion.version(), approver);
  }

  record AppVersion(String app, String version) {}

  /**
   * {@code promote/<app>-<version>} split at the first dash after which a semantic version
   * follows (application names are DNS labels, so they may contain dashes, but never a dash
   * followed by a whole version).
   */
  static Optional<AppVersion> parseBranch(String branch) {
    if (branch == null || !branch.startsWith(PREFIX) || branch.length() > 256) {
      return Optional.empty();
    }
    String rest = branch.substring(PREFIX.length());
    for (int dash = rest.indexOf('-'); dash > 0; dash = rest.indexOf('-', dash + 1)) {
      String app = rest.substring(0, dash);
      String version = rest.substring(dash + 1);
      if (SemVer.isValid(version) && !version.startsWith("v") && app.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
        return Optional.of(new AppVersion(app, version));
      }
    }
    return Optional.empty();
  }
}
