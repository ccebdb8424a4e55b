package io.jxengine.backend.local;

import io.jxengine.compile.Plan;
import io.jxengine.compile.PlanStage;
import io.jxengine.compile.PlanStep;
import io.jxengine.model.SecretRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small builder of plans for backend tests. */
final class Plans {
  private Plans() {}

  static PlanStep step(String name, String script) {
    return new PlanStep(name, script, null, null, Map.of(), null, 0);
  }

  static PlanStep step(String name, String script, Map<String, String> env) {
    return new PlanStep(name, script, null, null, env, null, 0);
  }

  static PlanStep timed(String name, String script, Duration timeout) {
    return new PlanStep(name, script, null, null, Map.of(), timeout, 0);
  }

  static PlanStep retried(String name, String script, int retries) {
    return new PlanStep(name, script, null, null, Map.of(), null, retries);
  }

  static PlanStep inDir(String name, String script, String dir) {
    return new PlanStep(name, script, null, dir, Map.of(), null, 0);
  }

  static StageBuilder stage(String name) {
    return new StageBuilder(name);
  }

  static Plan plan(PlanStage... stages) {
    return new Plan("test", List.of(stages), List.of(), null, null, 4);
  }

  static final class StageBuilder {
    private final String name;
    private List<String> deps = List.of();
    private String skip;
    private Duration timeout;
    private List<SecretRef> secrets = List.of();
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<PlanStep> always = new ArrayList<>();
    private final List<PlanStep> success = new ArrayList<>();
    private final List<PlanStep> failure = new ArrayList<>();

    StageBuilder(String name) {
      this.name = name;
    }

    StageBuilder needs(String... names) {
      deps = List.of(names);
      return this;
    }

    StageBuilder skip(String reason) {
      skip = reason;
      return this;
    }

    StageBuilder timeout(Duration d) {
      timeout = d;
      return this;
    }

    StageBuilder secrets(SecretRef... refs) {
      secrets = List.of(refs);
      return this;
    }

    StageBuilder steps(PlanStep... s) {
      steps.addAll(List.of(s));
      return this;
    }

    StageBuilder always(PlanStep... s) {
      always.addAll(List.of(s));
      return this;
    }

    StageBuilder success(PlanStep... s) {
      success.addAll(List.of(s));
      return this;
    }

    StageBuilder failure(PlanStep... s) {
      failure.addAll(List.of(s));
      return this;
    }

    PlanStage build() {
      return new PlanStage(name, deps, skip, timeout, secrets, steps, always, success, failure);
    }
  }
}
