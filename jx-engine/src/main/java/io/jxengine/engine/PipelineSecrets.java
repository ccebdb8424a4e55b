package io.jxengine.engine;

import io.jxengine.compile.WhenEvaluator;
import io.jxengine.compile.WhenFacts;
import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pipeline;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.secrets.SecretProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The secret values a pipeline references, looked up before it runs. Thread-safe. */
public final class PipelineSecrets {
  /**
   * A pipeline-level variable listing (comma-separated) other pipeline-level variables whose
   * values are masked in logs like secrets: Jenkins' password parameters, which reach the
   * pipeline as plain values.
   */
  public static final String MASK_ENV = "JXE_MASK";

  private PipelineSecrets() {}

  /** The values of the pipeline variables {@link #MASK_ENV} names (empty ones left out). */
  public static List<String> maskedEnv(Pipeline pipeline) {
    Map<String, String> env = new LinkedHashMap<>();
    pipeline.env().forEach(e -> env.put(e.name(), e.value()));
    List<String> out = new ArrayList<>();
    String names = env.get(MASK_ENV);
    if (names == null) {
      return out;
    }
    for (String name : names.split(",")) {
      String v = env.get(name.strip());
      if (v != null && !v.isEmpty()) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Every secret the pipeline (and its stages) references, keyed {@code <secret>/<key>}; each
   * missing one is reported as JX401 at the line that references it.
   */
  public static Map<String, String> resolve(
      Pipeline pipeline, SecretProvider secrets, Diagnostics diags) {
    return resolve(pipeline, null, secrets, diags);
  }

  /**
   * As {@link #resolve(Pipeline, SecretProvider, Diagnostics)}, but for one run: the secrets of a
   * stage whose {@code when:} skips it for {@code ctx} are not looked up (a stage that does not
   * run needs none, so a pull request's run of an environment repository never asks for the
   * cluster credentials of its push-only apply stage). A secret the provider withholds is JX405.
   *
   * @param ctx the run, or null to look up every stage's secrets
   */
  public static Map<String, String> resolve(
      Pipeline pipeline, RunContext ctx, SecretProvider secrets, Diagnostics diags) {
    return resolve(pipeline, ctx, false, secrets, diags);
  }

  /**
   * As {@link #resolve(Pipeline, RunContext, SecretProvider, Diagnostics)}, deciding {@code when:
   * {cluster}} as the compiler does ({@code cluster}: whether the engine has a cluster), so a
   * stage that will run gets its secrets.
   */
  public static Map<String, String> resolve(Pipeline pipeline, RunContext ctx, boolean cluster,
      SecretProvider secrets, Diagnostics diags) {
    Map<String, String> values = new LinkedHashMap<>();
    List<SecretRef> refs = new ArrayList<>(pipeline.secrets());
    for (Stage s : pipeline.stages()) {
      addStage(refs, pipeline, s, ctx, cluster);
    }
    for (Stage s : pipeline.finallyStages()) {
      addStage(refs, pipeline, s, ctx, cluster);
    }
    for (SecretRef ref : refs) {
      String k = ref.secret() + "/" + ref.key();
      if (values.containsKey(k)) {
        continue;
      }
      Optional<String> value = secrets.lookup(ref.secret(), ref.key());
      if (value.isPresent()) {
        values.put(k, value.get());
        continue;
      }
      Optional<String> withheld = secrets.withheld(ref.secret(), ref.key());
      if (withheld.isPresent()) {
        diags.report(Code.SECRET_WITHHELD, ref.pos(), "secrets", ref.secret(), ref.key(), withheld.get());
      } else {
        diags.report(
            Code.SECRET_NOT_FOUND, ref.pos(), "secrets", ref.secret(), ref.key(),
            SecretProvider.envVarFor(ref.secret(), ref.key()));
      }
    }
    return values;
  }

  private static void addStage(
      List<SecretRef> refs, Pipeline pipeline, Stage stage, RunContext ctx, boolean cluster) {
    if (ctx == null || WhenEvaluator.skipReason(
        stage.when(), ctx, WhenFacts.of(cluster, pipeline, stage)) == null) {
      refs.addAll(stage.secrets());
    }
  }
}
