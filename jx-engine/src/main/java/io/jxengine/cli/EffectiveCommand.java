package io.jxengine.cli;

import io.jxengine.compile.EffectiveYaml;
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
    name = "effective",
    mixinStandardHelpOptions = true,
    description =
        "Prints the fully expanded pipeline as YAML: catalog `uses:` resolved, defaults applied.")
final class EffectiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "PATH",
      description = "A repository directory (default: the current one) or a pipeline file.")
  Path path = Path.of(".");

  @Option(
      names = {"-p", "--pipeline"},
      description = "Which pipeline (default: all of them, as YAML documents).")
  String pipeline;

  /** What to print: the pipeline itself, or the objects a cluster run of it would submit. */
  enum Format {
    pipeline,
    tekton,
    pods
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "pipeline",
      description =
          "pipeline (default), tekton (the PipelineRun a push of the current commit becomes) or "
              + "pods (the Pod fallback for clusters without Tekton).")
  Format output = Format.pipeline;

  @Option(names = "--build", defaultValue = "1", description = "Build number for --output tekton|pods.")
  int build = 1;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RepoPipelines repo = RepoPipelines.load(path, JxeHome.fromEnvironment(System.getenv()));
    List<RepoPipelines.Loaded> chosen;
    if (pipeline != null) {
      chosen =
          repo.select(pipeline).map(List::of)
              .orElseThrow(
                  () -> new UserException(
                      "no pipeline named `" + pipeline + "`; this repository has: " + repo.names()));
    } else {
      chosen = repo.pipelines();
    }
    var diags = new java.util.ArrayList<>(repo.problems());
    chosen.forEach(l -> diags.addAll(l.result().diagnostics()));
    if (diags.stream().anyMatch(io.jxengine.diag.Diagnostic::isError)) {
      DiagnosticPrinter.text(diags, err);
      DiagnosticPrinter.summary(diags, err);
      return ExitCodes.FAILED;
    }
    DiagnosticPrinter.text(diags, err);
    if (output != Format.pipeline) {
      return ClusterOutput.print(chosen, repo.repoDir(), output == Format.tekton, build, out, err);
    }
    boolean first = true;
    for (RepoPipelines.Loaded l : chosen) {
      if (!first) {
        out.println("---");
      }
      first = false;
      out.print(EffectiveYaml.write(l.result().effective()));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
