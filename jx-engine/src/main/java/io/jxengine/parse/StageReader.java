package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.model.NameRef;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.model.Uses;
import io.jxengine.model.When;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Reads stages and the blocks they share with the pipeline: secrets, post, when. */
public final class StageReader {
  private final NodeReader r;
  private final StepReader steps;

  public StageReader(NodeReader r) {
    this.r = r;
    this.steps = new StepReader(r);
  }

  public List<Stage> readList(Node node, String field) {
    List<Stage> out = new ArrayList<>();
    for (NodeReader.Item item : r.items(node, field, "a list of stages")) {
      Stage s = read(item.node(), item.field(), Keys.STAGE, true);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Reads one stage; null when it is not even a mapping (reported).
   *
   * @param keys the allowed keys (a catalog stage allows fewer)
   * @param requireName whether a missing {@code name} is an error (JX103)
   */
  public Stage read(Node node, String field, List<String> keys, boolean requireName) {
    Fields f = r.fields(node, field, "a stage", keys);
    if (f == null) {
      return null;
    }
    String name = f.string("name");
    if (requireName && name == null) {
      r.diags().report(Code.MISSING_FIELD, f.pos(), f.path("name"), "name", "a stage");
    }
    List<NameRef> needs = null;
    if (f.written("needs")) {
      needs = new ArrayList<>();
      for (NodeReader.Item item : r.items(f.node("needs"), f.path("needs"), "a list of stage names")) {
        String n = r.string(item.node(), item.field());
        if (n != null) {
          needs.add(new NameRef(n, r.pos(item.node())));
        }
      }
    }
    Uses uses = steps.uses(f);
    if (uses != null && f.written("steps")) {
      r.diags().report(Code.CONFLICTING_FIELDS, f.keyPos("uses"), f.path("uses"), "steps", "uses");
    }
    List<Step> stageSteps = steps.readList(f.node("steps"), f.path("steps"), "step-", Keys.STEP);
    return new Stage(
        name,
        needs,
        f.string("image"),
        f.env("env"),
        secrets(f.node("secrets"), f.path("secrets")),
        when(f.node("when"), f.path("when")),
        f.duration("timeout"),
        stageSteps,
        post(f.node("post"), f.path("post")),
        uses,
        f.pos());
  }

  /** A {@code secrets:} list; entries missing a field are reported (JX103) and left out. */
  public List<SecretRef> secrets(Node node, String field) {
    List<SecretRef> out = new ArrayList<>();
    for (NodeReader.Item item : r.items(node, field, "a list of secrets")) {
      Fields f = r.fields(item.node(), item.field(), "a secret", Keys.SECRET);
      if (f == null) {
        continue;
      }
      boolean complete = true;
      for (String key : Keys.SECRET) {
        if (!f.has(key)) {
          r.diags().report(Code.MISSING_FIELD, f.pos(), f.path(key), key, "a secret");
          complete = false;
        }
      }
      String env = f.string("env");
      String secret = f.string("secret");
      String key = f.string("key");
      if (complete && env != null && secret != null && key != null) {
        out.add(new SecretRef(env, secret, key, f.pos()));
      }
    }
    return out;
  }

  /** A {@code post:} block; unnamed steps are called {@code post-always-1} and so on. */
  public Post post(Node node, String field) {
    if (NodeReader.isNull(node)) {
      return Post.NONE;
    }
    Fields f = r.fields(node, field, "`post`", Keys.POST);
    if (f == null) {
      return Post.NONE;
    }
    return new Post(
        steps.readList(f.node("always"), f.path("always"), "post-always-", Keys.STEP),
        steps.readList(f.node("success"), f.path("success"), "post-success-", Keys.STEP),
        steps.readList(f.node("failure"), f.path("failure"), "post-failure-", Keys.STEP),
        f.pos());
  }

  /** A {@code when:} block, or null when there is none. */
  public When when(Node node, String field) {
    if (NodeReader.isNull(node)) {
      return null;
    }
    Fields f = r.fields(node, field, "`when`", Keys.WHEN);
    if (f == null) {
      return null;
    }
    return new When(
        ValueChecks.globs(r, f, "branch"),
        ValueChecks.globs(r, f, "tag"),
        ValueChecks.events(r, f, "event"),
        ValueChecks.globs(r, f, "paths"),
        r.bool(f.node("cluster"), f.path("cluster")),
        ValueChecks.envNames(r, f, "env"),
        f.pos());
  }
}
