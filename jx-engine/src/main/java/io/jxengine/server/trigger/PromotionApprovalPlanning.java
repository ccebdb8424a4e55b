package io.jxengine.server.trigger;

import io.jxengine.gitops.PromotionApprovals;
import io.jxengine.gitops.PromotionStrategy;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.server.chatops.ChatOpsCommand;
import io.jxengine.server.repos.Repository;
import java.util.List;
import java.util.Optional;

/**
 * {@code /approve} and {@code /lgtm} on a promotion's pull request of an environment repository
 * (ChatOps, after {@link TrustPolicy} trusted the author): records the approval as {@code jxe
 * promote --approve} does, then merges the pull request through the provider at the head the
 * comment saw, so the promotion lands even when no {@code jxe promote} is waiting; a refused merge
 * (the head moved, a conflict) is left to the waiting promotion, which rebases and merges. Only
 * Manual environments take approvals, and only on the repository's own branch (never a fork's).
 */
final class PromotionApprovalPlanning {
  static final String MARKER = "promotion-approval";

  private final PromotionApprovals approvals;
  private final PlanSupport support;

  PromotionApprovalPlanning(PromotionApprovals approvals, PlanSupport support) {
    this.approvals = approvals;
    this.support = support;
  }

  static boolean approves(List<ChatOpsCommand> commands) {
    return commands.stream().anyMatch(c -> PromotionApprovals.COMMANDS.contains(c.name()));
  }

  /** Approves (and merges) the promotion of {@code head}, if it is one. */
  void plan(Repository repo, PrHead head, String author, PlanSupport.Builder out) {
    Optional<PromotionApprovals.Promotion> found =
        approvals.promotion(repo.owner(), repo.name(), repo.cloneUrl(), head.headRef());
    if (found.isEmpty()) {
      return; // not an environment's promotion: /lgtm and /approve mean nothing else here
    }
    PromotionApprovals.Promotion p = found.get();
    String what = p.app() + " " + p.version() + " to " + p.environment().name();
    if (!head.withSecrets()) {
      out.note("/approve on #" + head.number() + " ignored: its branch is not the repository's own");
      return;
    }
    if (p.environment().strategy() != PromotionStrategy.Manual) {
      out.note("/approve on #" + head.number() + ": environment " + p.environment().name() + " is "
          + p.environment().strategy() + ", it takes no approvals");
      return;
    }
    approvals.approve(p, author);
    out.note(author + " approved the promotion of " + what);
    Optional<GitProvider> provider = support.provider(repo);
    if (provider.isEmpty()) {
      out.replies.add(new Reply(head.number(), MARKER, "Approved by @" + author + ": the promotion of "
          + what + " merges."));
      return;
    }
    try {
      provider.get().merge(repo.ref(), head.number(), head.headSha(), p.title());
      out.replies.add(new Reply(head.number(), MARKER, "Approved by @" + author + " and merged: "
          + what + "."));
    } catch (GitProviderException e) {
      out.note("merging #" + head.number() + " after the approval failed (HTTP " + e.status() + "): "
          + e.getMessage());
      out.replies.add(new Reply(head.number(), MARKER, "Approved by @" + author + ". The merge was "
          + "refused (HTTP " + e.status() + "); the waiting promotion of " + what
          + " rebases and merges it."));
    }
  }
}
