package io.jxengine.parse;

import io.jxengine.diag.Diagnostic;
import io.jxengine.model.Pipeline;
import java.util.List;

/**
 * What the parser made of one file.
 *
 * @param pipeline the model, as complete as the mistakes allow; null when the file could not be
 *     read as a pipeline at all (unreadable, too large, empty, malformed YAML, not a mapping)
 * @param diagnostics every finding, sorted by position
 */
public record ParseResult(Pipeline pipeline, List<Diagnostic> diagnostics) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
