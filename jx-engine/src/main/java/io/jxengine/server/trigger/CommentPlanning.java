package io.jxengine.server.trigger;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.engine.RunContext;
import io.jxengine.scm.GitEvent;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import io.jxengine.scm.PullRequestInfo;
import io.jxengine.server.chatops.ChatOpsCommand;
import io.jxengine.server.chatops.ChatOpsParser;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.trigger.TriggerPlanner.Decision;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ChatOps in pull-request comments: {@code /test <name|all>}, {@code /retest}, {@code
 * /ok-to-test}, {@code /hold}, {@code /unhold}, {@code /approve} and {@code /lgtm} of an
 * environment's promotion ({@link PromotionApprovalPlanning}) and the pipelines' own {@code
 * triggers.comment} commands. Only new comments on pull requests count, and only from trusted users; anyone else
 * gets a reply saying why nothing happened.
 */
final class CommentPlanning {
  /** How far back /retest looks for the results at the head commit. */
  private static final int RETEST_LOOKBACK = 500;

  private static final Set<String> BUILT_IN =
      Set.of(ChatOpsCommand.TEST, ChatOpsCommand.RETEST, ChatOpsCommand.OK_TO_TEST,
          ChatOpsCommand.HOLD, ChatOpsCommand.UNHOLD);

  private final PlanSupport support;
  private final PullRequestPlanning pullRequests;
  private final PromotionApprovalPlanning approvals;

  /** @param approvals {@code /approve} of environments' promotions; null when not offered */
  CommentPlanning(
      PlanSupport support, PullRequestPlanning pullRequests, PromotionApprovalPlanning approvals) {
    this.support = support;
    this.pullRequests = pullRequests;
    this.approvals = approvals;
  }

  Decision plan(Repository repo, GitEvent.Comment c, String deliveryId) {
    if (!"created".equals(c.action()) || !c.onPullRequest() || c.number() < 1) {
      return Decision.nothing(
          "comment " + c.action() + " on #" + c.number() + ": not a new pull-request comment");
    }
    List<ChatOpsCommand> commands = ChatOpsParser.parse(c.body());
    if (commands.isEmpty()) {
      return Decision.nothing("comment on #" + c.number() + " has no command");
    }
    RepoMirror mirror = support.mirror(repo);
    mirror.fetch();
    TrustPolicy.Verdict verdict = support.trust(repo, mirror, c.author(), c.authorAssociation());
    PlanSupport.Builder out = new PlanSupport.Builder();
    if (!verdict.trusted()) {
      out.replies.add(untrusted(repo, c));
      return out.note("ignored commands of " + c.author() + " on #" + c.number() + ": "
          + verdict.reason()).build();
    }
    Optional<PrHead> found = head(repo, mirror, c.number(), out);
    if (found.isEmpty()) {
      return out.build();
    }
    PrHead head = found.get();

    if (approvals != null && PromotionApprovalPlanning.approves(commands)) {
      approvals.plan(repo, head, c.author(), out);
    }
    applyGates(repo, head, commands, c.author(), out);
    Asks asks = Asks.of(commands);
    if (!asks.wantsRuns()) {
      return out.build();
    }
    CommitPipelines pipelines = support.pipelines(mirror, head.headSha());
    List<String> changed = pullRequests.changedPaths(mirror, head);
    Map<String, CommitPipelines.Loaded> chosen = select(repo, head, asks, pipelines, changed, out);
    if (chosen.isEmpty()) {
      return out.note("comment on #" + head.number() + " selects no pipeline").build();
    }
    Optional<String> held = support.gates.heldBy(repo.id(), head.number());
    if (held.isPresent()) {
      return out.note("pull request #" + head.number() + " is held by " + held.get()
          + ": nothing runs until /unhold").build();
    }
    if (chosen.values().stream().anyMatch(l -> !l.ok())) {
      PullRequestPlanning.addErrors(head, pipelines, out);
    }
    // A trusted user asking for a run is consent for this head, as /ok-to-test would be.
    RunContext ctx = pullRequests.context(repo, mirror, head, "comment", changed);
    for (CommitPipelines.Loaded p : chosen.values()) {
      if (p.ok()) {
        out.runs.add(PlanSupport.intent(p, ctx, mirror, head.withSecrets(), deliveryId));
      }
    }
    return out.build();
  }

  /** What the commands of one comment ask to run. */
  private record Asks(
      boolean okToTest, boolean testAll, boolean retest, Set<String> named, Set<String> lines) {
    static Asks of(List<ChatOpsCommand> commands) {
      boolean okToTest = false;
      boolean testAll = false;
      boolean retest = false;
      Set<String> named = new HashSet<>();
      Set<String> lines = new HashSet<>();
      for (ChatOpsCommand cmd : commands) {
        switch (cmd.name()) {
          case ChatOpsCommand.OK_TO_TEST -> okToTest = true;
          case ChatOpsCommand.RETEST -> retest = true;
          case ChatOpsCommand.TEST -> {
            if (cmd.args().equalsIgnoreCase("all")) {
              testAll = true;
            } else if (!cmd.args().isEmpty()) {
              named.add(cmd.args().split(" ")[0]);
            }
          }
          default -> { }
        }
        if (cmd.name().equals(ChatOpsCommand.TEST) || !BUILT_IN.contains(cmd.name())) {
          lines.add(cmd.line()); // a pipeline may declare it under triggers.comment
        }
      }
      return new Asks(okToTest, testAll, retest, named, lines);
    }

    boolean wantsRuns() {
      return okToTest || testAll || retest || !lines.isEmpty();
    }
  }

  /** Records /ok-to-test approvals (for the current head) and /hold, /unhold. */
  private void applyGates(
      Repository repo, PrHead head, List<ChatOpsCommand> commands, String author,
      PlanSupport.Builder out) {
    for (ChatOpsCommand cmd : commands) {
      if (cmd.name().equals(ChatOpsCommand.OK_TO_TEST)) {
        support.gates.approve(repo.id(), head.number(), head.headSha(), author);
        out.note(author + " approved #" + head.number() + " at " + head.headSha());
      } else if (cmd.isUnhold()) {
        support.gates.unhold(repo.id(), head.number());
        out.note(author + " lifted the hold of #" + head.number());
      } else if (cmd.isHold()) {
        support.gates.hold(repo.id(), head.number(), author);
        out.note(author + " held #" + head.number());
      }
    }
  }

  /**
   * The pipelines the comment asks for: named ones, those declaring one of its lines under
   * {@code triggers.comment}, those whose last run at the head failed ({@code /retest}), and for
   * {@code /ok-to-test} or {@code /test all} those whose {@code pull_request:} trigger takes it.
   */
  private Map<String, CommitPipelines.Loaded> select(
      Repository repo, PrHead head, Asks asks, CommitPipelines pipelines, List<String> changed,
      PlanSupport.Builder out) {
    Map<String, CommitPipelines.Loaded> chosen = new LinkedHashMap<>();
    boolean filtered = asks.okToTest() || asks.testAll();
    Set<String> failed = asks.retest() ? failedAtHead(repo, head) : Set.of();
    for (CommitPipelines.Loaded p : pipelines.all()) {
      var triggers = p.result().source() == null ? null : p.result().source().triggers();
      boolean byComment = asks.lines().stream().anyMatch(l -> TriggerFilter.comment(triggers, l));
      boolean byFilter = filtered && TriggerFilter.pullRequest(triggers, head.baseRef(), changed);
      if (asks.named().contains(p.name()) || byComment || byFilter || failed.contains(p.name())) {
        chosen.put(p.name(), p);
      }
    }
    for (String name : asks.named()) {
      if (pipelines.all().stream().noneMatch(p -> p.name().equals(name))) {
        out.note("/test " + name + ": no pipeline of that name at " + head.headSha());
      }
    }
    return chosen;
  }

  /**
   * The pull request's head: from the provider's API when there is one, else from the mirror's
   * pull-request refs (plain git). Secrets only when the head is this repository's own branch.
   */
  private Optional<PrHead> head(
      Repository repo, RepoMirror mirror, int number, PlanSupport.Builder out) {
    Optional<GitProvider> provider = support.provider(repo);
    String headRef;
    String headSha;
    String baseRef;
    String title = null;
    if (provider.isPresent()) {
      PullRequestInfo info;
      try {
        info = provider.get().getPullRequest(repo.ref(), number);
      } catch (GitProviderException e) {
        out.note("cannot read pull request #" + number + " (HTTP " + e.status() + "): "
            + e.getMessage());
        return Optional.empty();
      }
      if (!"open".equalsIgnoreCase(info.state()) && !"opened".equalsIgnoreCase(info.state())) {
        out.note("pull request #" + number + " is " + info.state() + ": nothing to run");
        return Optional.empty();
      }
      headRef = info.headRef();
      headSha = info.headSha();
      baseRef = info.baseRef();
      title = info.title();
    } else {
      headSha = mirror.resolve(mirror.pullRef(number))
          .or(() -> mirror.resolve(RepoMirror.forkRef(number))).orElse(null);
      headRef = "PR-" + number;
      baseRef = repo.defaultBranch();
    }
    if (!GitNames.isSha(headSha) || !mirror.hasCommit(headSha)) {
      out.note("pull request #" + number + ": its head commit is not in the mirror");
      return Optional.empty();
    }
    boolean sameRepo =
        GitNames.isSafeBranch(headRef)
            && mirror.resolve(RepoMirror.headsRef(headRef)).map(headSha::equals).orElse(false);
    return Optional.of(new PrHead(number, title, null, headRef, headSha, baseRef, null, sameRepo));
  }

  /** Pipelines whose newest run for this pull request at its head commit failed. */
  private Set<String> failedAtHead(Repository repo, PrHead head) {
    Map<String, Activity> newest = new LinkedHashMap<>();
    for (Activity a : support.activities.list(
        new ActivityFilter(repo.owner(), repo.name(), null, null, null, RETEST_LOOKBACK))) {
      if (Integer.valueOf(head.number()).equals(a.pullNumber())
          && head.headSha().equals(a.commitSha()) && a.context() != null) {
        newest.putIfAbsent(a.context(), a); // the list is newest first
      }
    }
    Set<String> failed = new HashSet<>();
    newest.forEach((name, a) -> {
      if (a.status().isFailure()) {
        failed.add(name);
      }
    });
    return failed;
  }

  private static Reply untrusted(Repository repo, GitEvent.Comment c) {
    return new Reply(
        c.number(),
        "untrusted-comment-" + c.commentId(),
        "Commands from @" + c.author() + " are ignored: only trusted users (listed for the "
            + "repository, in OWNERS on " + repo.defaultBranch() + ", or members of "
            + repo.owner() + ") can run pipelines, approve with `/ok-to-test` or `/hold`, or "
            + "approve a promotion with `/approve`.");
  }
}
