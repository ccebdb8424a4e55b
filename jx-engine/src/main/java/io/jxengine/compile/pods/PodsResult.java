package io.jxengine.compile.pods;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.jxengine.compile.tekton.SkippedStage;
import io.jxengine.diag.Diagnostic;
import java.util.List;

/**
 * What {@link PodCompiler} made of a pipeline: the run's source volume claim and one Pod per
 * stage (the first one clones). Each Pod says in annotations when the executor may create it:
 * {@value PodCompiler#RUN_AFTER} (comma-separated pod names, all Succeeded) and, for finally
 * and post pods, {@value PodCompiler#PHASE} and {@value PodCompiler#RUN_IF}.
 *
 * @param claim null when {@code diagnostics} has an error
 * @param pods empty when {@code diagnostics} has an error
 */
public record PodsResult(
    PersistentVolumeClaim claim, List<Pod> pods, List<SkippedStage> skipped, List<Diagnostic> diagnostics) {
  public PodsResult {
    pods = List.copyOf(pods);
    skipped = List.copyOf(skipped);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return claim != null;
  }
}
