package io.jxengine.cli;

import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Severity;
import io.jxengine.engine.JxeHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Checks pipeline files and prints every problem as `path:line:col: error[CODE]: message`.",
      "Exits 1 when there are errors (or warnings, with --strict)."
    })
final class LintCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "PATH",
      description = "A repository directory (default: the current one) or a pipeline file.")
  Path path = Path.of(".");

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Option(
      names = {"-o", "--output"},
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format output = Format.text;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RepoPipelines repo = RepoPipelines.load(path, JxeHome.fromEnvironment(System.getenv()));
    List<Diagnostic> diags = repo.allDiagnostics();
    if (output == Format.json) {
      DiagnosticPrinter.json(diags, out);
    } else {
      DiagnosticPrinter.text(diags, out);
      DiagnosticPrinter.summary(diags, err);
    }
    out.flush();
    boolean errors = diags.stream().anyMatch(Diagnostic::isError);
    boolean warnings = diags.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    return errors || (strict && warnings) ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
