package io.jxengine.server.trigger;

import java.util.Optional;

/**
 * What maintainers said about a pull request through ChatOps: {@code /ok-to-test} approvals, each
 * bound to the exact head commit it was given for, and {@code /hold}s. Keyed by the registered
 * repository's id and the pull request's number.
 *
 * <p>Thread-safe; every method commits before it returns. Failures of the store are {@link
 * io.jxengine.activity.StoreException}s.
 */
public interface PullRequestGates {
  /** Records that {@code approver} approved running {@code sha}; approving twice is harmless. */
  void approve(long repoId, int pr, String sha, String approver);

  /** True when someone approved exactly this head commit. */
  boolean isApproved(long repoId, int pr, String sha);

  /** Holds the pull request's runs; holding a held one keeps the first hold. */
  void hold(long repoId, int pr, String by);

  /** Lifts the hold; false when there was none. */
  boolean unhold(long repoId, int pr);

  /** Who holds the pull request, if anyone. */
  Optional<String> heldBy(long repoId, int pr);
}
