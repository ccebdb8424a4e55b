package io.jxengine.jenkins.convert;

import io.jxengine.diag.Diagnostic;
import io.jxengine.model.Pipeline;
import java.util.List;

/**
 * What converting a Jenkinsfile gave.
 *
 * @param pipeline the pipeline model ({@code source = "jenkinsfile"}); null when the file could
 *     not be read as a pipeline at all (invalid Groovy, too large, no pipeline block). Present
 *     with errors too: it then holds what could be converted, and must not be run.
 * @param diagnostics every finding, sorted: errors (what could not be converted), warnings
 *     (approximations a person should review) and infos (what was left out as not needed)
 */
public record ConvertResult(Pipeline pipeline, List<Diagnostic> diagnostics) {
  public ConvertResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
