package io.jxengine.engine;

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
    Map<String, String> values = new LinkedHashMap<>();
    List<SecretRef> refs = new ArrayList<>(pipeline.secrets());
    for (Stage s : pipeline.stages()) {
      refs.addAll(s.secrets());
    }
    for (Stage s : pipeline.finallyStages()) {
      refs.addAll(s.secrets());
    }
    for (SecretRef ref : refs) {
      String k = ref.secret() + "/" + ref.key();
      if (values.containsKey(k)) {
        continue;
      }
      secrets
          .lookup(ref.secret(), ref.key())
          .ifPresentOrElse(
              v -> values.put(k, v),
              () ->
                  diags.report(
                      Code.SECRET_NOT_FOUND, ref.pos(), "secrets", ref.secret(), ref.key(),
                      SecretProvider.envVarFor(ref.secret(), ref.key())));
    }
    return values;
  }
}
