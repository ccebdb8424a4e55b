package io.jxengine.cli;

import io.jxengine.diag.Code;
import io.jxengine.diag.Messages;
import io.jxengine.testreport.FailedCase;
import io.jxengine.testreport.JunitReports;
import io.jxengine.testreport.ReportException;
import io.jxengine.testreport.ReportHandoff;
import io.jxengine.testreport.TestReport;
import io.jxengine.testreport.TestTotals;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jxe step junit}: the process behind the catalog step {@code junit}. Reads the JUnit XML
 * reports the patterns match (relative to the current directory, never outside it), prints the
 * totals and the failed cases, and inside a pipeline hands the report to the engine, which
 * records it on the activity after the run ({@link ReportHandoff}). Exit 1 when a report is
 * malformed or refused, when nothing matches (unless {@code --allow-empty}), or when a test did
 * not pass (unless {@code --allow-failures}); the report is handed over in the last case too.
 */
@Command(
    name = "junit",
    mixinStandardHelpOptions = true,
    description = {
      "Records JUnit XML test reports (Surefire, pytest, jest-junit, Gradle, ...) on the build's activity.",
      "Fails when a test failed (unless --allow-failures), when no report matches (unless"
          + " --allow-empty) or when a report is not well-formed XML (with its file:line:col)."
    })
final class StepJunitCommand implements Callable<Integer> {
  private static final int CASES_PRINTED = 20;

  @Spec CommandSpec spec;

  @Option(names = "--paths", required = true, paramLabel = "PATTERNS",
      description = "Comma-separated Ant patterns of report files, relative to --dir (e.g. target/surefire-reports/*.xml,**/TEST-*.xml).")
  String paths;

  @Option(names = "--dir", paramLabel = "DIR", description = "Where the patterns start (default: the current directory).")
  Path dir = Path.of(".");

  @Option(names = "--allow-empty", description = "Succeed when no report matches.")
  boolean allowEmpty;

  @Option(names = "--allow-failures", description = "Succeed when tests failed (they are still recorded).")
  boolean allowFailures;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JunitReports.Collected collected;
    try {
      collected = JunitReports.collect(dir, paths, allowEmpty);
    } catch (ReportException e) {
      diagnostic(err, e.code(), e.pos().file().isEmpty() ? "junit" : e.pos().toString(), e.args());
      return ExitCodes.FAILED;
    } catch (IOException e) {
      throw new UserException("junit: cannot read " + dir + ": " + e.getMessage());
    }
    collected.notes().forEach(n -> err.println("junit: " + n));
    TestReport report = collected.report();
    TestTotals t = report.totals();
    out.println("junit: " + t.summary());
    int shown = 0;
    for (FailedCase c : report.failed()) {
      if (shown++ == CASES_PRINTED) {
        break;
      }
      out.println("  " + c.kind().toUpperCase(java.util.Locale.ROOT) + " " + c.suite() + "." + c.name()
          + (c.message().isEmpty() ? "" : ": " + c.message()));
    }
    int more = t.failed() - Math.min(report.failed().size(), CASES_PRINTED);
    if (more > 0) {
      out.println("  ... and " + more + " more");
    }
    out.flush();
    handOff(System.getenv(), report, err);
    boolean failed = t.failed() > 0 && !allowFailures;
    stepMessage(System.getenv(), t.tests() + " tests, " + t.failed() + " failed, " + t.skipped() + " skipped");
    if (failed) {
      diagnostic(err, Code.TESTS_FAILED, "junit", t.failed(), t.tests());
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }

  /** Inside a pipeline ({@code WORKSPACE}, {@code JX_STAGE}, {@code JX_STEP} set): the engine's copy. */
  private static void handOff(Map<String, String> env, TestReport report, PrintWriter err) {
    String workspace = env.get("WORKSPACE");
    String stage = env.get("JX_STAGE");
    String step = env.get("JX_STEP");
    if (workspace == null || workspace.isBlank() || stage == null || step == null) {
      return;
    }
    try {
      ReportHandoff.write(ReportHandoff.dirFor(Path.of(workspace)), stage, step, report);
    } catch (IOException | IllegalArgumentException e) {
      err.println("junit: the report could not be handed to the engine: " + e.getMessage());
    }
  }

  /** The step's message on the activity, through {@code $JXE_ENV} (see docs/pipeline-syntax.md). */
  private static void stepMessage(Map<String, String> env, String message) {
    String file = env.get("JXE_ENV");
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      Files.writeString(Path.of(file), "JXE_STEP_MESSAGE=" + message + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // a convenience: the totals are recorded with the report
    }
  }

  private static void diagnostic(PrintWriter err, Code code, String where, Object... args) {
    err.println(where + ": error[" + code.id() + "]: " + Messages.message(code, args));
    String hint = Messages.hint(code, args);
    if (!hint.isEmpty()) {
      err.println("  hint: " + hint);
    }
    err.flush();
  }
}
