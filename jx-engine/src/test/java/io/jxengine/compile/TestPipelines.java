package io.jxengine.compile;

import io.jxengine.engine.RunContext;
import io.jxengine.model.EnvVar;
import io.jxengine.model.NameRef;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.model.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds model records for tests without a parser. */
public final class TestPipelines {
  private TestPipelines() {}

  public static RunContext context(String branch) {
    return new RunContext("acme", "widget", branch, null, "push", "https://github.com/acme/widget.git",
        "abc123", "fix it", "Jane", null, null, null, null, "1.0.0", "postsubmit", null);
  }

  public static Step step(String name, String run) {
    return new Step(name, run, null, null, List.of(), null, 0, null, Pos.UNKNOWN);
  }

  public static Step step(String name, String run, Map<String, String> env) {
    return new Step(name, run, null, null, env(env), null, 0, null, Pos.UNKNOWN);
  }

  public static Stage stage(String name, Step... steps) {
    return new Stage(name, null, null, List.of(), List.of(), null, null, List.of(steps), null,
        null, Pos.UNKNOWN);
  }

  public static Stage stage(String name, List<String> needs, When when, Map<String, String> env,
      List<SecretRef> secrets, Duration timeout, Post post, Step... steps) {
    List<NameRef> refs = needs == null ? null
        : needs.stream().map(n -> new NameRef(n, Pos.UNKNOWN)).toList();
    return new Stage(name, refs, null, env(env), secrets, when, timeout, List.of(steps), post,
        null, Pos.UNKNOWN);
  }

  public static Pipeline pipeline(Stage... stages) {
    return pipeline(Map.of(), List.of(), List.of(stages), List.of(), null);
  }

  public static Pipeline pipeline(Map<String, String> env, List<SecretRef> secrets,
      List<Stage> stages, List<Stage> finallyStages, Post post) {
    return new Pipeline("release", ".jx/pipeline.yaml", "native", null, env(env), secrets, null,
        null, null, stages, finallyStages, post, Pos.UNKNOWN);
  }

  public static When when(List<String> branches, List<String> tags, List<String> events,
      List<String> paths) {
    return new When(branches, tags, events, paths, Pos.UNKNOWN);
  }

  public static List<EnvVar> env(Map<String, String> env) {
    List<EnvVar> out = new ArrayList<>();
    new java.util.TreeMap<>(env).forEach((k, v) -> out.add(new EnvVar(k, v, Pos.UNKNOWN)));
    return out;
  }
}
