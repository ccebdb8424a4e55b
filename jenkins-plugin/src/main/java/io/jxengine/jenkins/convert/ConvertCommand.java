package io.jxengine.jenkins.convert;

import io.jxengine.cli.ExitCodes;
import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pos;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jxe convert [Jenkinsfile] [-o FILE] [--report FILE]}: writes the native pipeline (to
 * standard output, or to {@code -o}) and the review report (to standard error, or to
 * {@code --report}). Exit 1 when something could not be converted; then no file is written.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = "Converts a declarative Jenkinsfile into .jx/pipeline.yaml, with a report of what to review.")
final class ConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "JENKINSFILE", description = "The Jenkinsfile (default: ./Jenkinsfile).")
  Path input = Path.of("Jenkinsfile");

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the pipeline here (such as .jx/pipeline.yaml) instead of standard output.")
  Path output;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the review report here instead of standard error.")
  Path report;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String display = input.toString();
    ConvertResult result = read(display);
    String text = ConvertedYaml.report(result.diagnostics());
    if (report != null) {
      write(report, text);
    } else {
      err.print(text);
      err.flush();
    }
    if (result.hasErrors() || result.pipeline() == null) {
      return ExitCodes.FAILED;
    }
    String yaml = ConvertedYaml.yaml(result, display);
    if (output != null) {
      write(output, yaml);
      err.println("wrote " + output);
    } else {
      out.print(yaml);
    }
    out.flush();
    err.flush();
    return ExitCodes.OK;
  }

  private ConvertResult read(String display) {
    Diagnostics diags = new Diagnostics();
    try {
      if (!Files.isRegularFile(input)) {
        diags.report(Code.FILE_NOT_FOUND, Pos.fileStart(display), "", display);
        return new ConvertResult(null, diags.sorted());
      }
      long size = Files.size(input);
      if (size > GroovySource.MAX_BYTES) {
        diags.report(Code.FILE_TOO_LARGE, Pos.fileStart(display), "", size, GroovySource.MAX_BYTES);
        return new ConvertResult(null, diags.sorted());
      }
      return new JenkinsfileConverter().convert(Files.readString(input, StandardCharsets.UTF_8), display);
    } catch (IOException | java.io.UncheckedIOException e) {
      List<Diagnostic> all = new ArrayList<>(diags.sorted());
      Diagnostics d = new Diagnostics();
      d.report(Code.FILE_NOT_FOUND, Pos.fileStart(display), "", display);
      all.addAll(d.sorted());
      return new ConvertResult(null, all);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
