package io.jxengine.server.trigger;

import io.jxengine.activity.ActivityStore;
import io.jxengine.engine.RunContext;
import io.jxengine.scm.GitProvider;
import io.jxengine.server.repos.Repository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the push, pull-request and comment planning share: mirrors, trust, intents. */
final class PlanSupport {
  static final String STATUS_PREFIX = "jx-engine/";
  static final String MARKER_NEEDS_OK = "needs-ok-to-test";
  static final String MARKER_ERRORS = "pipeline-errors";

  final Path mirrorsDir;
  final List<Path> catalogs;
  final Function<Repository, Optional<GitProvider>> providers;
  final ActivityStore activities;
  final PullRequestGates gates;

  PlanSupport(
      Path mirrorsDir,
      List<Path> catalogs,
      Function<Repository, Optional<GitProvider>> providers,
      ActivityStore activities,
      PullRequestGates gates) {
    this.mirrorsDir = mirrorsDir;
    this.catalogs = List.copyOf(catalogs);
    this.providers = providers;
    this.activities = activities;
    this.gates = gates;
  }

  RepoMirror mirror(Repository repo) {
    return RepoMirror.of(mirrorsDir, repo.id(), repo.cloneUrl(), repo.provider());
  }

  CommitPipelines pipelines(RepoMirror mirror, String sha) {
    return CommitPipelines.load(mirror, sha, catalogs);
  }

  Optional<GitProvider> provider(Repository repo) {
    Optional<GitProvider> p = providers.apply(repo);
    return p == null ? Optional.empty() : p;
  }

  /** Trust as {@link TrustPolicy} decides it, reading OWNERS from the mirror's default branch. */
  TrustPolicy.Verdict trust(Repository repo, RepoMirror mirror, String user, String association) {
    return TrustPolicy.decide(repo, user, association, () -> ownersOnDefault(repo, mirror),
        provider(repo));
  }

  private static Optional<String> ownersOnDefault(Repository repo, RepoMirror mirror) {
    String branch = repo.defaultBranch();
    if (!GitNames.isSafeBranch(branch)) {
      return Optional.empty();
    }
    return mirror.resolve(RepoMirror.headsRef(branch)).flatMap(sha -> mirror.readFile(sha, "OWNERS"));
  }

  static RunIntent intent(
      CommitPipelines.Loaded p, RunContext ctx, RepoMirror mirror, boolean withSecrets,
      String deliveryId) {
    return new RunIntent(
        p.result().effective(), ctx, mirror.dir().toString(), ctx.commitSha(), withSecrets,
        deliveryId + "/" + p.name(), STATUS_PREFIX + p.name());
  }

  /** The reply listing the errors of broken pipelines at a pull request's head. */
  static Reply errorsReply(int number, String sha, CommitPipelines pipelines) {
    StringBuilder body = new StringBuilder();
    body.append("Some pipelines at ").append(sha).append(" have errors and did not run:\n\n```\n");
    pipelines.errorLines().forEach(l -> body.append(l).append('\n'));
    body.append("```\n");
    return new Reply(number, MARKER_ERRORS, body.toString());
  }

  static List<String> errorNotes(String sha, CommitPipelines pipelines) {
    List<String> notes = new ArrayList<>();
    for (CommitPipelines.Loaded l : pipelines.broken()) {
      notes.add("pipeline " + l.name() + " (" + l.displayPath() + ") at " + sha
          + " has errors and does not run");
    }
    return notes;
  }

  /** Collects a decision as planning goes. Not thread-safe; one per plan() call. */
  static final class Builder {
    final List<RunIntent> runs = new ArrayList<>();
    final List<CancelRequest> cancels = new ArrayList<>();
    final List<Reply> replies = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Builder note(String note) {
      notes.add(note);
      return this;
    }

    TriggerPlanner.Decision build() {
      return new TriggerPlanner.Decision(runs, cancels, replies, notes);
    }
  }
}
