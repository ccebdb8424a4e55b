package io.jxengine.jenkins.convert;

import io.jxengine.model.EnvVar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the blocks around a step set for it: {@code dir}, {@code withEnv}, {@code timeout},
 * {@code retry}, {@code container}, and shell lines that must run first (variables whose
 * values the shell expands, credentials files). Immutable.
 */
record StepScope(
    String dir, List<EnvVar> env, Duration timeout, int retries, String image, List<String> prelude) {
  static final StepScope ROOT = new StepScope(null, List.of(), null, 0, null, List.of());

  StepScope {
    env = List.copyOf(env);
    prelude = List.copyOf(prelude);
  }

  StepScope withDir(String d) {
    return new StepScope(dir == null ? d : dir + "/" + d, env, timeout, retries, image, prelude);
  }

  StepScope withEnv(List<EnvVar> more, List<String> lines) {
    List<EnvVar> e = new ArrayList<>(env);
    more.forEach(v -> {
      e.removeIf(x -> x.name().equals(v.name()));
      e.add(v);
    });
    List<String> p = new ArrayList<>(prelude);
    p.addAll(lines);
    return new StepScope(dir, e, timeout, retries, image, p);
  }

  StepScope withTimeout(Duration t) {
    Duration min = timeout == null || t.compareTo(timeout) < 0 ? t : timeout;
    return new StepScope(dir, env, min, retries, image, prelude);
  }

  StepScope withRetries(int r) {
    return new StepScope(dir, env, timeout, Math.max(retries, r), image, prelude);
  }

  StepScope withImage(String i) {
    return new StepScope(dir, env, timeout, retries, i, prelude);
  }

  /** The script with the prelude lines in front. */
  String script(String body) {
    return prelude.isEmpty() ? body : String.join("\n", prelude) + "\n" + body;
  }
}
