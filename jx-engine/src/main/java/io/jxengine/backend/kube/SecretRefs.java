package io.jxengine.backend.kube;

import io.jxengine.model.Pipeline;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.secrets.SecretProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Secrets a pipeline references as {@code <secret>/<key>}, and their values for masking. */
final class SecretRefs {
  private SecretRefs() {}

  static List<String> of(Pipeline p) {
    Set<String> out = new LinkedHashSet<>();
    List<SecretRef> refs = new ArrayList<>(p.secrets());
    List<Stage> stages = new ArrayList<>(p.stages());
    stages.addAll(p.finallyStages());
    stages.forEach(s -> refs.addAll(s.secrets()));
    refs.forEach(r -> out.add(r.secret() + "/" + r.key()));
    return List.copyOf(out);
  }

  /** The Secrets a submitted PipelineRun's steps reference ({@code secretKeyRef}s in its env). */
  static List<String> of(io.fabric8.tekton.pipeline.v1.PipelineRun run) {
    Set<String> out = new LinkedHashSet<>();
    var spec = run.getSpec() == null ? null : run.getSpec().getPipelineSpec();
    if (spec == null) {
      return List.of();
    }
    List<io.fabric8.tekton.pipeline.v1.PipelineTask> tasks = new ArrayList<>();
    if (spec.getTasks() != null) {
      tasks.addAll(spec.getTasks());
    }
    if (spec.getFinally() != null) {
      tasks.addAll(spec.getFinally());
    }
    for (var t : tasks) {
      var template = t.getTaskSpec() == null ? null : t.getTaskSpec().getStepTemplate();
      if (template == null || template.getEnv() == null) {
        continue;
      }
      for (var e : template.getEnv()) {
        var ref = e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef();
        if (ref != null) {
          out.add(ref.getName() + "/" + ref.getKey());
        }
      }
    }
    return List.copyOf(out);
  }

  /** The values {@code provider} knows; those it does not are left out (not masked). */
  static List<String> values(List<String> refs, SecretProvider provider) {
    List<String> out = new ArrayList<>();
    for (String ref : refs) {
      int slash = ref.indexOf('/');
      provider.lookup(ref.substring(0, slash), ref.substring(slash + 1)).ifPresent(out::add);
    }
    return out;
  }
}
