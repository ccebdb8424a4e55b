package io.jxengine.cli;

import io.jxengine.gitops.EnvRepo;
import io.jxengine.gitops.EnvRepoReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks an environment repository checkout (env.yaml, apps, manifests); exit 1 on errors.")
final class EnvValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", defaultValue = ".", description = "The checkout (default: the working directory).")
  Path dir;

  @Option(names = {"-o", "--output"}, description = "text or json (default text).")
  String output = "text";

  @Override
  public Integer call() {
    EnvRepo repo = EnvRepoReader.read(dir);
    PrintWriter out = spec.commandLine().getOut();
    if ("json".equals(output)) {
      DiagnosticPrinter.json(repo.diagnostics(), out);
    } else {
      DiagnosticPrinter.text(repo.diagnostics(), out);
      DiagnosticPrinter.summary(repo.diagnostics(), spec.commandLine().getErr());
      if (!repo.hasErrors()) {
        out.printf("environment %s: %d application(s), valid%n",
            repo.settings() == null ? "?" : repo.settings().name(), repo.apps().size());
      }
    }
    out.flush();
    return repo.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
