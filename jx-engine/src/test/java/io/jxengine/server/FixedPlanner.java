package io.jxengine.server;

import io.jxengine.engine.RunContext;
import io.jxengine.model.Pipeline;
import io.jxengine.scm.GitEvent;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.trigger.CancelRequest;
import io.jxengine.server.trigger.Reply;
import io.jxengine.server.trigger.RunIntent;
import io.jxengine.server.trigger.TriggerPlanner;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A planner for server tests: every push and pull request runs one fixed pipeline at the event's
 * commit; a pull request also supersedes the earlier builds of that pull request.
 */
final class FixedPlanner implements TriggerPlanner {
  static final String STATUS_CONTEXT = "jx-engine/test";

  private final Pipeline pipeline;
  final AtomicInteger calls = new AtomicInteger();
  /** While positive, each call fails (and counts down), as a planner whose fetch timed out. */
  final AtomicInteger failures = new AtomicInteger();

  FixedPlanner(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public Decision plan(Repository repo, GitEvent event, String deliveryId) {
    calls.incrementAndGet();
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("cannot fetch the repository");
    }
    String key = deliveryId + "/" + pipeline.name();
    if (event instanceof GitEvent.Push push) {
      RunContext ctx = new RunContext(repo.owner(), repo.name(), push.branch(), push.tag(), "push",
          push.cloneUrl(), push.after(), push.headCommitMessage(), push.pusher(), null, null, null,
          null, null, "postsubmit", null);
      return runs(new RunIntent(pipeline, ctx, push.cloneUrl(), push.after(), true, key,
          STATUS_CONTEXT), List.of());
    }
    if (event instanceof GitEvent.PullRequest pr) {
      RunContext ctx = new RunContext(repo.owner(), repo.name(), "PR-" + pr.number(), null,
          "pull_request", pr.cloneUrl(), pr.headSha(), null, pr.author(), pr.number(), pr.title(),
          pr.baseRef(), pr.baseSha(), null, "presubmit", null);
      return runs(new RunIntent(pipeline, ctx, pr.cloneUrl(), pr.headSha(), !pr.fromFork(), key,
              STATUS_CONTEXT),
          List.of(new CancelRequest(repo.owner(), repo.name(), pr.number(), pipeline.name(),
              "a newer commit was pushed")));
    }
    if (event instanceof GitEvent.Comment c) {
      return new Decision(List.of(), List.of(),
          List.of(new Reply(c.number(), "test-reply", "seen: " + c.body())), List.of());
    }
    return Decision.nothing("not a push, pull request or comment");
  }

  private static Decision runs(RunIntent intent, List<CancelRequest> cancels) {
    return new Decision(List.of(intent), cancels, List.of(), List.of());
  }
}
