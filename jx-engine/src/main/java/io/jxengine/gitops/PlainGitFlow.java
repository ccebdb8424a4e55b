package io.jxengine.gitops;

import io.jxengine.activity.Status;
import io.jxengine.diag.Diagnostic;
import java.time.Clock;
import java.util.Optional;

/**
 * A promotion into a plain git environment repository, which has no pull requests: the engine
 * runs the repository's own check itself ({@link EnvRepoReader}, what {@code jxe env validate}
 * does) and, by the strategy, pushes the branch's commit onto the base branch. {@code Auto} merges
 * when the check passes; {@code Manual} waits for {@code jxe promote --approve} or for someone to
 * merge the branch by hand. When another promotion landed first, the branch is rebuilt on the new
 * base and pushed again, so racing promotions of different applications both land.
 */
final class PlainGitFlow {
  private static final int MAX_PUSH_ATTEMPTS = 20;

  private final EnvironmentStore environments;
  private final PromotionBranch branch;
  private final PromotionLog log;
  private final Clock clock;
  private String reason = "";

  PlainGitFlow(EnvironmentStore environments, PromotionBranch branch, PromotionLog log, Clock clock) {
    this.environments = environments;
    this.branch = branch;
    this.log = log;
    this.clock = clock;
  }

  PromotionResult run() {
    Environment env = branch.env();
    PromotionRequest request = branch.request();
    String where = env.repoUrl() + " branch " + branch.name();
    Optional<Diagnostic> broken = check();
    if (broken.isPresent()) {
      return log.finish(Status.Failed, where, null, "checks failed on " + where + ": "
          + broken.get().format() + "; nothing merged");
    }
    Deadline deadline = new Deadline(clock, request.timeout(), request.poll());
    while (env.strategy() == PromotionStrategy.Manual && !approved()) {
      if (branch.landedOnBase()) {
        return log.finish(Status.Succeeded, where, null, "merged by hand into " + env.branch());
      }
      reason = "waiting for approval of " + where + ": run jxe promote " + request.app() + " --version "
          + request.version() + " --env " + env.name() + " --approve";
      log.progress(Status.WaitingForApproval, reason);
      if (deadline.passed()) {
        return log.finish(Status.TimedOut, where, null, "timed out after " + deadline.timeout() + " " + reason);
      }
      deadline.pause();
    }
    for (int attempt = 1; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
      if (branch.git().push(env.branch(), false)) {
        return log.finish(Status.Succeeded, where, branch.head(), "merged into " + env.branch() + " as " + branch.head());
      }
      // Another promotion landed first: redo the one-line edit on the new base and check again.
      log.progress(Status.Running, "merge conflict: " + env.branch() + " moved, rebasing (attempt " + attempt + ")");
      branch.rebuild();
      broken = check();
      if (broken.isPresent()) {
        return log.finish(Status.Failed, where, null, "checks failed on " + where + " after rebasing: "
            + broken.get().format() + "; nothing merged");
      }
      if (deadline.passed()) {
        return log.finish(Status.TimedOut, where, null, "timed out after " + deadline.timeout() + " rebasing onto " + env.branch());
      }
    }
    return log.finish(Status.Failed, where, null, env.branch() + " kept moving: gave up after "
        + MAX_PUSH_ATTEMPTS + " attempts; nothing merged");
  }

  /** The environment repository's own check on the branch: its first error, if any. */
  private Optional<Diagnostic> check() {
    log.progress(Status.Running, "checking " + branch.name() + " (jxe env validate)");
    return EnvRepoReader.read(branch.git().dir()).diagnostics().stream().filter(Diagnostic::isError).findFirst();
  }

  private boolean approved() {
    PromotionRequest r = branch.request();
    return environments.approver(branch.env().name(), r.app(), SemVer.normalize(r.version())).isPresent();
  }
}
