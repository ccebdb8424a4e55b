package io.jxengine.cli;

import io.jxengine.compile.pods.PodCompiler;
import io.jxengine.compile.pods.PodsResult;
import io.jxengine.compile.tekton.CompileResult;
import io.jxengine.compile.tekton.KubeYaml;
import io.jxengine.compile.tekton.TektonCompiler;
import io.jxengine.compile.tekton.TektonOptions;
import io.jxengine.diag.Diagnostic;
import io.jxengine.engine.RunContext;
import io.jxengine.source.GitInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code jxe effective --output tekton|pods}: the objects a cluster run would submit, as YAML. */
final class ClusterOutput {
  private ClusterOutput() {}

  static int print(
      List<RepoPipelines.Loaded> chosen, Path repoDir, boolean tekton, int build, PrintWriter out,
      PrintWriter err) {
    RunContext ctx;
    try {
      ctx = GitInfo.detect(repoDir, null, null, null);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    TektonOptions opts = TektonOptions.defaults();
    List<Diagnostic> diags = new ArrayList<>();
    StringBuilder yaml = new StringBuilder();
    for (RepoPipelines.Loaded l : chosen) {
      if (yaml.length() > 0) {
        yaml.append("---\n");
      }
      if (tekton) {
        CompileResult r = new TektonCompiler().compile(l.result().effective(), ctx, build, opts);
        diags.addAll(r.diagnostics());
        if (r.ok()) {
          yaml.append(KubeYaml.yaml(r.run()));
        }
      } else {
        PodsResult r = new PodCompiler().compile(l.result().effective(), ctx, build, opts);
        diags.addAll(r.diagnostics());
        if (r.ok()) {
          yaml.append(PodCompiler.yaml(r));
        }
      }
    }
    DiagnosticPrinter.text(diags, err);
    if (diags.stream().anyMatch(Diagnostic::isError)) {
      DiagnosticPrinter.summary(diags, err);
      return ExitCodes.FAILED;
    }
    out.print(yaml);
    out.flush();
    return ExitCodes.OK;
  }
}
