package io.jxengine.server.trigger;

import io.jxengine.server.cron.CronDeliveryId;

import io.jxengine.activity.ActivityStore;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunContext;
import io.jxengine.gitops.PromotionApprovals;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.GitProvider;
import io.jxengine.server.repos.Repository;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The engine's {@link TriggerPlanner}: fetches the repository into its mirror under {@code
 * $JXE_HOME/mirrors}, reads the pipelines at the event's commit and applies their {@code
 * triggers:}, the trust model and ChatOps. Writes only approvals and holds ({@link
 * PullRequestGates}) and the mirror.
 *
 * <p>Thread-safe: the mirror serialises git work per repository, the gates and the activity store
 * are thread-safe. A git or provider failure becomes a note in the decision, never an exception
 * for a user's mistake.
 */
public final class DefaultTriggerPlanner implements TriggerPlanner {
  private final PlanSupport support;
  private final PullRequestPlanning pullRequests;
  private final CommentPlanning comments;

  /**
   * @param providers the provider API of a repository; empty for plain git or when the engine
   *     has no token for it
   */
  public DefaultTriggerPlanner(
      JxeHome home,
      Function<Repository, Optional<GitProvider>> providers,
      ActivityStore activities,
      PullRequestGates gates) {
    this(home.root().resolve("mirrors"), home.builtInCatalogs(), providers, activities, gates);
  }

  public DefaultTriggerPlanner(
      Path mirrorsDir,
      List<Path> builtInCatalogs,
      Function<Repository, Optional<GitProvider>> providers,
      ActivityStore activities,
      PullRequestGates gates) {
    this(mirrorsDir, builtInCatalogs, providers, activities, gates, null);
  }

  /**
   * @param approvals records (and the provider merges) trusted users' {@code /approve} of the
   *     promotion pull requests of registered environments; null to offer no such command
   */
  public DefaultTriggerPlanner(
      Path mirrorsDir,
      List<Path> builtInCatalogs,
      Function<Repository, Optional<GitProvider>> providers,
      ActivityStore activities,
      PullRequestGates gates,
      PromotionApprovals approvals) {
    this.support = new PlanSupport(mirrorsDir, builtInCatalogs, providers, activities, gates);
    this.pullRequests = new PullRequestPlanning(support);
    this.comments = new CommentPlanning(support, pullRequests,
        approvals == null ? null : new PromotionApprovalPlanning(approvals, support));
  }

  @Override
  public Decision plan(Repository repo, GitEvent event, String deliveryId) {
    try {
      if (event instanceof GitEvent.Push p) {
        return push(repo, p, deliveryId);
      } else if (event instanceof GitEvent.PullRequest pr) {
        return pullRequests.plan(repo, pr, deliveryId);
      } else if (event instanceof GitEvent.Comment c) {
        return comments.plan(repo, c, deliveryId);
      }
      return Decision.nothing(event.getClass().getSimpleName() + ": nothing to run");
    } catch (RepoMirror.MirrorException e) {
      return Decision.nothing(e.getMessage());
    }
  }

  /** The mirror this planner keeps for {@code repo}. */
  public RepoMirror mirror(Repository repo) {
    return support.mirror(repo);
  }

  private Decision push(Repository repo, GitEvent.Push push, String deliveryId) {
    if (push.deleted() || GitNames.isZeroSha(push.after())) {
      return Decision.nothing("push deleted " + push.ref() + ": nothing to run");
    }
    if (!GitNames.isSha(push.after())) {
      return Decision.nothing("push of " + push.ref() + " names no valid commit");
    }
    RepoMirror mirror = support.mirror(repo);
    mirror.fetch();
    Optional<String> sha = mirror.commitId(push.after());
    if (sha.isEmpty()) {
      return Decision.nothing("commit " + push.after() + " is not in " + repo.cloneUrl());
    }
    List<String> changed = mirror.changedPaths(push.before(), sha.get());
    if (changed == null) {
      changed = push.changedPaths();
    }
    PlanSupport.Builder out = new PlanSupport.Builder();
    CommitPipelines pipelines = support.pipelines(mirror, sha.get());
    if (pipelines.all().isEmpty()) {
      return Decision.nothing("no pipelines at " + sha.get());
    }
    out.notes.addAll(PlanSupport.errorNotes(sha.get(), pipelines));
    boolean isTag = push.tag() != null;
    // The cron scheduler delivers its firings as a push of the branch head whose delivery id
    // names the one pipeline to run; its push filters do not apply.
    Optional<CronDeliveryId> cron = CronDeliveryId.parse(deliveryId);
    Optional<RepoMirror.CommitInfo> commit = mirror.commit(sha.get());
    RunContext ctx =
        new RunContext(
            repo.owner(), repo.name(), isTag ? push.tag() : push.branch(), push.tag(),
            cron.isPresent() ? "cron" : isTag ? "tag" : "push", repo.cloneUrl(), sha.get(),
            firstNonNull(push.headCommitMessage(), commit.map(RepoMirror.CommitInfo::message)),
            firstNonNull(push.headCommitAuthor(), commit.map(RepoMirror.CommitInfo::author)),
            null, null, null, null, null, cron.isPresent() ? "periodic" : "postsubmit",
            cron.isPresent() ? null : changed);
    for (CommitPipelines.Loaded p : pipelines.ok()) {
      if (cron.isPresent()) {
        if (p.name().equals(cron.get().pipeline())) {
          out.runs.add(PlanSupport.intent(p, ctx, mirror, true, deliveryId));
        }
      } else if (TriggerFilter.push(
          p.result().effective().triggers(), push.branch(), push.tag(), changed)) {
        out.runs.add(PlanSupport.intent(p, ctx, mirror, true, deliveryId));
      } else {
        out.note("pipeline " + p.name() + ": its triggers do not take this push of " + push.ref());
      }
    }
    return out.build();
  }

  private static String firstNonNull(String value, Optional<String> fallback) {
    return value != null ? value : fallback.orElse(null);
  }
}
