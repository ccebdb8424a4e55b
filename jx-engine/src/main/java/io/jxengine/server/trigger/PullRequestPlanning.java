package io.jxengine.server.trigger;

import io.jxengine.engine.RunContext;
import io.jxengine.scm.GitEvent;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.trigger.TriggerPlanner.Decision;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pull-request events: opened, synchronize and reopened run the pipelines whose {@code
 * pull_request:} trigger takes the base branch and changed files, when the author is trusted or
 * a maintainer approved this exact head; synchronize also supersedes the pull request's older
 * builds. Closed and other actions run nothing.
 */
final class PullRequestPlanning {
  private static final Set<String> RUN_ACTIONS = Set.of("opened", "synchronize", "reopened");

  private final PlanSupport support;

  PullRequestPlanning(PlanSupport support) {
    this.support = support;
  }

  Decision plan(Repository repo, GitEvent.PullRequest pr, String deliveryId) {
    if (!RUN_ACTIONS.contains(pr.action())) {
      return Decision.nothing("pull request #" + pr.number() + " " + pr.action() + ": nothing to run");
    }
    if (!GitNames.isSha(pr.headSha()) || pr.number() < 1) {
      return Decision.nothing("pull request #" + pr.number() + " names no valid head commit");
    }
    RepoMirror mirror = support.mirror(repo);
    mirror.fetch();
    if (!mirror.hasCommit(pr.headSha()) && pr.fromFork() && pr.headCloneUrl() != null) {
      if (!GitNames.isSafeBranch(pr.headRef())) {
        return Decision.nothing("pull request #" + pr.number() + ": unsafe head branch name");
      }
      mirror.fetchForkHead(pr.headCloneUrl(), pr.headRef(), pr.number());
    }
    if (!mirror.hasCommit(pr.headSha())) {
      return Decision.nothing("pull request #" + pr.number() + ": head " + pr.headSha()
          + " could not be fetched");
    }
    PrHead head =
        new PrHead(pr.number(), pr.title(), pr.author(), pr.headRef(), pr.headSha(), pr.baseRef(),
            pr.baseSha(), !pr.fromFork());
    CommitPipelines pipelines = support.pipelines(mirror, head.headSha());
    PlanSupport.Builder out = new PlanSupport.Builder();
    if ("synchronize".equals(pr.action())) {
      for (CommitPipelines.Loaded p : pipelines.all()) {
        if (!TriggerFilter.cancelsSuperseded(p.result().source())) {
          continue;
        }
        out.cancels.add(new CancelRequest(repo.owner(), repo.name(), pr.number(), p.name(),
            "superseded by " + head.headSha()));
      }
    }
    if (pipelines.all().isEmpty()) {
      return out.note("no pipelines at " + head.headSha()).build();
    }
    Optional<String> held = support.gates.heldBy(repo.id(), pr.number());
    if (held.isPresent()) {
      return out.note("pull request #" + pr.number() + " is held by " + held.get()
          + ": nothing runs until /unhold").build();
    }
    TrustPolicy.Verdict verdict = support.trust(repo, mirror, pr.author(), pr.authorAssociation());
    if (!verdict.trusted() && !support.gates.isApproved(repo.id(), pr.number(), head.headSha())) {
      out.replies.add(needsOkToTest(repo, head));
      return out.note("pull request #" + pr.number() + " waits for /ok-to-test: "
          + verdict.reason()).build();
    }
    addRuns(repo, mirror, head, pipelines, "pull_request", deliveryId, out);
    return out.build();
  }

  /**
   * Adds a run of every pipeline whose {@code pull_request:} trigger takes this pull request, and
   * the errors of broken pipelines as a reply.
   */
  void addRuns(
      Repository repo, RepoMirror mirror, PrHead head, CommitPipelines pipelines, String event,
      String deliveryId, PlanSupport.Builder out) {
    addErrors(head, pipelines, out);
    List<String> changed = changedPaths(mirror, head);
    RunContext ctx = context(repo, mirror, head, event, changed);
    for (CommitPipelines.Loaded p : pipelines.ok()) {
      if (TriggerFilter.pullRequest(p.result().effective().triggers(), head.baseRef(), changed)) {
        out.runs.add(PlanSupport.intent(p, ctx, mirror, head.withSecrets(), deliveryId));
      } else {
        out.note("pipeline " + p.name() + ": its triggers do not take pull request #"
            + head.number());
      }
    }
  }

  static void addErrors(PrHead head, CommitPipelines pipelines, PlanSupport.Builder out) {
    if (!pipelines.broken().isEmpty()) {
      out.notes.addAll(PlanSupport.errorNotes(head.headSha(), pipelines));
      out.replies.add(PlanSupport.errorsReply(head.number(), head.headSha(), pipelines));
    }
  }

  /** Files changed from the merge base of base and head to the head; null when unknown. */
  List<String> changedPaths(RepoMirror mirror, PrHead head) {
    String base = head.baseSha();
    if ((base == null || !mirror.hasCommit(base)) && GitNames.isSafeBranch(head.baseRef())) {
      base = mirror.resolve(RepoMirror.headsRef(head.baseRef())).orElse(null);
    }
    if (base == null) {
      return null;
    }
    Optional<String> mergeBase = mirror.mergeBase(base, head.headSha());
    return mergeBase.map(mb -> mirror.changedPaths(mb, head.headSha())).orElse(null);
  }

  RunContext context(
      Repository repo, RepoMirror mirror, PrHead head, String event, List<String> changed) {
    Optional<RepoMirror.CommitInfo> commit = mirror.commit(head.headSha());
    String author =
        head.author() != null ? head.author() : commit.map(RepoMirror.CommitInfo::author).orElse(null);
    return new RunContext(
        repo.owner(), repo.name(), head.headRef(), null, event, repo.cloneUrl(), head.headSha(),
        commit.map(RepoMirror.CommitInfo::message).orElse(null), author, head.number(),
        head.title(), head.baseRef(), head.baseSha(), null, "presubmit", changed);
  }

  static Reply needsOkToTest(Repository repo, PrHead head) {
    String who = head.author() == null ? "The author" : "@" + head.author();
    return new Reply(
        head.number(),
        PlanSupport.MARKER_NEEDS_OK,
        who + " is not yet trusted in " + repo.fullName() + ", so its pipelines have not run.\n\n"
            + "A maintainer (a trusted user of the repository, someone listed in OWNERS on "
            + repo.defaultBranch() + ", or a member of " + repo.owner() + ") can comment "
            + "`/ok-to-test` to run them for commit " + head.headSha() + ". "
            + "The approval covers that commit only: a new push needs a new `/ok-to-test`.");
  }
}
