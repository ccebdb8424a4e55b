package io.jxengine.compile;

import io.jxengine.model.EnvVar;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stage's {@code when: {cluster, env}} is decided against, besides the run itself: whether
 * the engine has a Kubernetes cluster, and the variables the pipeline's and the stage's
 * {@code env:} set (never the engine's own environment, so a pipeline decides the same on every
 * machine). Immutable.
 *
 * @param cluster true when a cluster is configured for the engine (or the run is on one)
 * @param env the declared variables, the stage's over the pipeline's
 */
public record WhenFacts(boolean cluster, Map<String, String> env) {
  /** No cluster, no declared variables. */
  public static final WhenFacts NONE = new WhenFacts(false, Map.of());

  public WhenFacts {
    env = Map.copyOf(env);
  }

  /** The facts for {@code stage} of {@code p}. */
  public static WhenFacts of(boolean cluster, Pipeline p, Stage stage) {
    Map<String, String> env = new HashMap<>();
    put(env, p.env());
    put(env, stage.env());
    return new WhenFacts(cluster, env);
  }

  private static void put(Map<String, String> env, List<EnvVar> vars) {
    for (EnvVar v : vars) {
      if (v.name() != null && v.value() != null) {
        env.put(v.name(), v.value());
      }
    }
  }
}
