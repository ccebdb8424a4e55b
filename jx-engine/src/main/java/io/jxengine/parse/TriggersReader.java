package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.model.Pos;
import io.jxengine.model.Triggers;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code triggers:}; globs and cron schedules are checked where they are written. */
final class TriggersReader {
  private final NodeReader r;

  TriggersReader(NodeReader r) {
    this.r = r;
  }

  /** Null when the pipeline declares no triggers (the default: every push and pull request). */
  Triggers read(Node node, String field) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    Fields f = r.fields(node, field, "`triggers`", Keys.TRIGGERS);
    if (f == null) {
      return null;
    }
    return new Triggers(
        push(f), pullRequest(f), f.strings("comment"), cron(f.node("cron"), f.path("cron")), f.pos());
  }

  private Triggers.Push push(Fields parent) {
    if (!parent.written("push")) {
      return null;
    }
    Node node = parent.node("push");
    if (NodeReader.isNull(node)) {
      // `push:` alone means every push
      return new Triggers.Push(List.of(), List.of(), List.of(), List.of(), parent.keyPos("push"));
    }
    Fields f = r.fields(node, parent.path("push"), "`push`", Keys.PUSH);
    if (f == null) {
      return null;
    }
    return new Triggers.Push(
        ValueChecks.globs(r, f, "branches"),
        ValueChecks.globs(r, f, "tags"),
        ValueChecks.globs(r, f, "paths"),
        ValueChecks.globs(r, f, "ignore_paths"),
        f.pos());
  }

  private Triggers.PullRequest pullRequest(Fields parent) {
    if (!parent.written("pull_request")) {
      return null;
    }
    Node node = parent.node("pull_request");
    if (NodeReader.isNull(node)) {
      return new Triggers.PullRequest(List.of(), List.of(), List.of(), parent.keyPos("pull_request"));
    }
    Fields f = r.fields(node, parent.path("pull_request"), "`pull_request`", Keys.PULL_REQUEST);
    if (f == null) {
      return null;
    }
    Boolean cancelSuperseded = f.bool("cancel_superseded");
    return new Triggers.PullRequest(
        ValueChecks.globs(r, f, "branches"),
        ValueChecks.globs(r, f, "paths"),
        ValueChecks.globs(r, f, "ignore_paths"),
        cancelSuperseded == null || cancelSuperseded,
        f.pos());
  }

  private List<Triggers.Cron> cron(Node node, String field) {
    List<Triggers.Cron> out = new ArrayList<>();
    for (NodeReader.Item item : r.items(node, field, "a list of schedules")) {
      Fields f = r.fields(item.node(), item.field(), "a cron trigger", Keys.CRON);
      if (f == null) {
        continue;
      }
      String schedule = f.string("schedule");
      if (schedule == null) {
        r.diags().report(Code.MISSING_FIELD, f.pos(), f.path("schedule"), "schedule", "a cron trigger");
        continue;
      }
      Pos at = f.valuePos("schedule");
      CronSchedule.problem(schedule)
          .ifPresent(p -> r.diags().report(Code.INVALID_CRON, at, f.path("schedule"), schedule, p));
      out.add(new Triggers.Cron(schedule, f.string("branch"), f.pos()));
    }
    return out;
  }
}
