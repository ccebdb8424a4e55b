package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.testreport.ActivityTests;
import io.jxengine.testreport.FailedCase;
import io.jxengine.testreport.StepTestReport;
import io.jxengine.testreport.TestTotals;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jxe get build tests}: the test results a build recorded ({@code uses: junit}): totals per
 * report step, then the cases that did not pass with the first lines of their stack traces. Exit 1
 * when the build recorded none.
 */
@Command(
    name = "tests",
    aliases = {"test"},
    mixinStandardHelpOptions = true,
    description = "Shows the test results of a build: the newest one, the newest of a pipeline, or `#N`.")
final class GetBuildTestsCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    yaml
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..2", paramLabel = "OWNER/REPO/BRANCH | #N",
      description = "The pipeline and/or build number (default: the newest build).")
  List<String> args = new ArrayList<>();

  @Option(names = {"-o", "--output"}, description = "text, json or yaml (default text).")
  Format output = Format.text;

  @Option(names = "--traces", negatable = true, description = "Print the failed cases' stack traces (default: true).")
  boolean traces = true;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext()) {
      Activity a = BuildSelector.select(engine.store(), args, false);
      ActivityTests tests = engine.store().tests(a.id()).orElseThrow(() -> new UserException(
          "build " + a.displayName() + " recorded no test results (a pipeline records them with"
              + " `uses: junit`; see docs/pipeline-syntax.md)"));
      switch (output) {
        case json -> out.println(Output.json(view(a, tests)));
        case yaml -> out.print(Output.yaml(view(a, tests)));
        default -> text(a, tests, out);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static Map<String, Object> view(Activity a, ActivityTests tests) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activityId", a.id());
    m.put("name", a.displayName());
    m.put("status", a.status().name());
    m.put("totals", tests.totals());
    m.put("reports", tests.reports());
    return m;
  }

  private void text(Activity a, ActivityTests tests, PrintWriter out) {
    TestTotals t = tests.totals();
    out.println("Tests of build " + a.displayName() + " (" + a.context() + "): " + t.summary());
    out.println(row("STAGE/STEP", "TESTS", "PASSED", "FAILED", "SKIPPED", "DURATION"));
    for (StepTestReport r : tests.reports()) {
      out.println(row(r.stage() + "/" + r.step(), r.report().totals()));
    }
    if (tests.reports().size() > 1) {
      out.println(row("total", t));
    }
    boolean header = false;
    for (StepTestReport r : tests.reports()) {
      for (FailedCase c : r.report().failed()) {
        if (!header) {
          out.println();
          out.println("FAILED");
          header = true;
        }
        out.println("  " + c.kind().toUpperCase(Locale.ROOT) + " " + c.suite() + " > " + c.name()
            + (c.message().isEmpty() ? "" : ": " + c.message().replace('\n', ' ')));
        if (traces && !c.trace().isEmpty()) {
          c.trace().lines().forEach(l -> out.println("      " + l));
        }
      }
      if (r.report().failedLeftOut() > 0) {
        out.println("  ... " + r.report().failedLeftOut() + " more in " + r.stage() + "/" + r.step()
            + " (not kept)");
      }
    }
  }

  private static String row(String name, TestTotals t) {
    return row(name, "" + t.tests(), "" + t.passed(), "" + t.failed(), "" + t.skipped(),
        Durations.human(Duration.ofMillis(t.durationMillis())));
  }

  private static String row(String name, String tests, String passed, String failed, String skipped, String took) {
    return String.format(Locale.ROOT, "%-40s %7s %7s %7s %8s %9s", name, tests, passed, failed, skipped, took);
  }
}
