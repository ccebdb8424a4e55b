package io.jxengine.compile.tekton;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.jxengine.compile.JobVariables;
import io.jxengine.engine.RunContext;
import io.jxengine.model.SecretRef;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Environment of cluster steps, with the local precedence (job variables &lt; pipeline &lt; stage
 * &lt; step; secrets last). Secrets are {@code secretKeyRef}s, never values.
 *
 * <p>Kubernetes expands {@code $(NAME)} in env values, and Tekton expands {@code $(params.x)}:
 * untrusted run values (branch names, pull-request titles) must not be able to pull another
 * variable's value (a secret) into theirs, so {@link #escape} doubles their {@code $(} into
 * {@code $$(}, which the kubelet turns back into a literal {@code $(}. Thread-safe.
 */
public final class StepEnv {
  /** Where Tekton mounts the source workspace: {@code WORKSPACE} for every step. */
  public static final String WORKSPACE_PATH = "$(workspaces.source.path)";

  private StepEnv() {}

  /** The job variables of a run; {@code WORKSPACE} is {@code workspacePath}. */
  public static Map<String, String> jobVariables(
      RunContext ctx, String pipeline, int build, String workspacePath) {
    Map<String, String> v = JobVariables.of(ctx, pipeline, build, Path.of("/"));
    v.put("WORKSPACE", workspacePath);
    return v;
  }

  /** Literal env entries for {@code values}, escaped. */
  public static Map<String, EnvVar> literal(Map<String, String> values) {
    Map<String, EnvVar> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, new EnvVar(k, escape(v), null)));
    return out;
  }

  public static void put(Map<String, EnvVar> env, List<io.jxengine.model.EnvVar> values) {
    for (io.jxengine.model.EnvVar e : values) {
      env.put(e.name(), new EnvVar(e.name(), e.value() == null ? "" : e.value(), null));
    }
  }

  public static void putSecrets(Map<String, EnvVar> env, List<SecretRef> secrets) {
    for (SecretRef s : secrets) {
      env.put(
          s.env(),
          new EnvVarBuilder()
              .withName(s.env())
              .withNewValueFrom().withNewSecretKeyRef().withName(s.secret()).withKey(s.key()).endSecretKeyRef().endValueFrom()
              .build());
    }
  }

  /** Pipeline secrets merged with the stage's (the stage's entry wins for one variable). */
  public static List<SecretRef> mergeSecrets(List<SecretRef> pipeline, List<SecretRef> stage) {
    Map<String, SecretRef> byEnv = new LinkedHashMap<>();
    pipeline.forEach(s -> byEnv.put(s.env(), s));
    stage.forEach(s -> byEnv.put(s.env(), s));
    return List.copyOf(byEnv.values());
  }

  /** Untrusted text as a literal env value (see the class comment). */
  public static String escape(String value) {
    return value == null ? "" : value.replace("$(", "$$(");
  }
}
