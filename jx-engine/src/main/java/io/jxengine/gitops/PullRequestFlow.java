package io.jxengine.gitops;

import io.jxengine.activity.Status;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.PullRequestComment;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.scm.RepoRef;
import java.time.Clock;
import java.util.List;

/**
 * A promotion through the provider's pull request: opens it (or finds the open one of the same
 * branch), then waits. {@code Auto} merges once every commit status and every check run (GitHub's
 * Checks API) on the head succeeded; a failed one ends the promotion with "checks failed", its
 * name, and nothing merged. {@code Manual} merges once someone with write access commented {@code
 * /approve} (or {@code /lgtm}), the server's ChatOps recorded such an approval, or {@code jxe
 * promote --approve} was run, and ends as soon as a person merged it by hand. A merge refused
 * because the head moved or conflicts rebuilds the branch on the newest base and waits again.
 */
final class PullRequestFlow {
  static final String APPROVE = "/approve";

  private final GitProvider provider;
  private final EnvironmentStore environments;
  private final PromotionBranch branch;
  private final PromotionLog log;
  private final Clock clock;
  private final RepoRef repo;
  private String reason = "";

  PullRequestFlow(GitProvider provider, EnvironmentStore environments, PromotionBranch branch,
      PromotionLog log, Clock clock) {
    this.provider = provider;
    this.environments = environments;
    this.branch = branch;
    this.log = log;
    this.clock = clock;
    this.repo = branch.env().repoRef();
  }

  PromotionResult run() {
    Environment env = branch.env();
    PromotionRequest request = branch.request();
    PullRequestInfo pr = provider.findOpenPullRequest(repo, branch.name(), env.branch())
        .orElseGet(() -> provider.openPullRequest(repo, branch.name(), env.branch(), request.title(),
            "Promotes " + request.app() + " to version " + request.version() + " in environment "
                + env.name() + ".\n\nOpened by jx-engine (strategy " + env.strategy() + ")."));
    String url = pr.htmlUrl();
    Deadline deadline = new Deadline(clock, request.timeout(), request.poll());
    while (true) {
      pr = provider.getPullRequest(repo, pr.number());
      if (pr.merged()) {
        return log.finish(Status.Succeeded, url, pr.mergeSha(), "merged " + url);
      }
      if (!"open".equals(pr.state())) {
        return log.finish(Status.Failed, url, null, "the pull request " + url + " was closed without merging");
      }
      String failed = env.strategy() == PromotionStrategy.Auto ? failedCheck(pr) : null;
      if (failed != null) {
        return log.finish(Status.Failed, url, null, "checks failed on " + url + ": " + failed + "; nothing merged");
      }
      if (ready(pr)) {
        try {
          PullRequestInfo merged = provider.merge(repo, pr.number(), pr.headSha(), request.title());
          return log.finish(Status.Succeeded, url, merged.mergeSha(), "merged " + url);
        } catch (GitProviderException e) {
          if (e.status() != 405 && e.status() != 409) {
            throw e;
          }
          wait(Status.Running, "merge conflict on " + url + " (HTTP " + e.status() + "): rebasing onto "
              + env.branch());
          branch.rebuild();
        }
      }
      if (deadline.passed()) {
        return log.finish(Status.TimedOut, url, null, "timed out after " + deadline.timeout()
            + " " + reason);
      }
      deadline.pause();
    }
  }

  /** The first failed check on the head, or null. */
  private String failedCheck(PullRequestInfo pr) {
    for (CommitStatus s : checks(pr)) {
      if (s.state() == CommitStatus.State.FAILURE || s.state() == CommitStatus.State.ERROR) {
        return s.context() + (s.description() == null ? "" : " (" + s.description() + ")");
      }
    }
    return null;
  }

  /** The head's commit statuses and check runs together: Auto needs every one of them green. */
  private List<CommitStatus> checks(PullRequestInfo pr) {
    List<CommitStatus> all = new java.util.ArrayList<>(provider.commitStatuses(repo, pr.headSha()));
    all.addAll(provider.checkRuns(repo, pr.headSha()));
    return all;
  }

  private boolean ready(PullRequestInfo pr) {
    String url = pr.htmlUrl();
    if (branch.env().strategy() == PromotionStrategy.Auto) {
      List<CommitStatus> statuses = checks(pr);
      boolean passed = !statuses.isEmpty()
          && statuses.stream().allMatch(s -> s.state() == CommitStatus.State.SUCCESS);
      if (!passed) {
        wait(Status.Running, "waiting for checks on " + url + (statuses.isEmpty() ? " (none reported yet)" : ""));
      }
      return passed;
    }
    PromotionRequest request = branch.request();
    if (environments.approver(branch.env().name(), request.app(), SemVer.normalize(request.version())).isPresent()
        || approvedInComments(pr)) {
      return true;
    }
    wait(Status.WaitingForApproval, "waiting for approval on " + url + ": merge it, comment "
        + APPROVE + ", or run jxe promote " + request.app() + " --version " + request.version()
        + " --env " + branch.env().name() + " --approve");
    return false;
  }

  /** An {@code /approve} line from a user who may push to the environment repository. */
  private boolean approvedInComments(PullRequestInfo pr) {
    for (PullRequestComment c : provider.pullRequestComments(repo, pr.number())) {
      boolean says = c.body() != null && c.body().lines().anyMatch(l -> l.strip().equals(APPROVE));
      if (says && c.author() != null && !c.author().isEmpty() && provider.hasWriteAccess(repo, c.author())) {
        return true;
      }
    }
    return false;
  }

  private void wait(Status status, String why) {
    reason = why;
    log.progress(status, why);
  }
}
