package io.jxengine.parse;

import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Severity;
import io.jxengine.model.Pipeline;
import java.util.List;

/**
 * A pipeline file parsed, resolved against the catalog and linted.
 *
 * @param source the pipeline as written (null when the file could not be read as one)
 * @param effective the pipeline with every {@code uses:} expanded; null when there are errors
 * @param diagnostics every finding, sorted ({@link Diagnostic#ORDER})
 */
public record LoadResult(Pipeline source, Pipeline effective, List<Diagnostic> diagnostics) {
  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public boolean hasWarnings() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING);
  }
}
