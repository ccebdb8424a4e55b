package io.jxengine.jenkins.convert;

import io.jxengine.compile.EffectiveYaml;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Severity;
import java.util.List;

/**
 * The texts {@code jxe convert} writes: the pipeline in the native syntax (through
 * {@link EffectiveYaml}, so it parses back to the same model) and the review report.
 */
public final class ConvertedYaml {
  private ConvertedYaml() {}

  /** The native pipeline, with a comment naming its origin. */
  public static String yaml(ConvertResult r, String from) {
    return "# Converted from " + from + " by `jxe convert`; review the report it printed.\n"
        + EffectiveYaml.write(r.pipeline());
  }

  /**
   * The review report: every diagnostic as {@code file:line:col: severity[CODE]: message} with
   * its hint, then a count. Errors are what was not converted; warnings, what was approximated;
   * infos, what was left out because the engine does not need it.
   */
  public static String report(List<Diagnostic> diags) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : diags) {
      b.append(d.format()).append('\n');
      if (!d.hint().isEmpty()) {
        b.append("  hint: ").append(d.hint()).append('\n');
      }
    }
    long errors = diags.stream().filter(Diagnostic::isError).count();
    long warnings = diags.stream().filter(d -> d.severity() == Severity.WARNING).count();
    long infos = diags.size() - errors - warnings;
    b.append(errors).append(errors == 1 ? " error, " : " errors, ")
        .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ")
        .append(infos).append(infos == 1 ? " note" : " notes").append('\n');
    return b.toString();
  }
}
