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
