package io.jxengine.compile.tekton;

import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.jxengine.diag.Diagnostic;
import java.util.List;

/**
 * What {@link TektonCompiler} made of a pipeline.
 *
 * @param run the PipelineRun to submit; null when {@code diagnostics} has an error
 * @param skipped stages left out before submitting, with the reason (the run records them as skipped)
 * @param diagnostics refusals (JX501, JX502) and notes (JX503)
 */
public record CompileResult(PipelineRun run, List<SkippedStage> skipped, List<Diagnostic> diagnostics) {
  public CompileResult {
    skipped = List.copyOf(skipped);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return run != null;
  }
}
