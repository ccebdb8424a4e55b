package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.StepRecord;
import io.jxengine.logs.LogLine;
import io.jxengine.logs.LogStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "logs",
    aliases = {"log"},
    mixinStandardHelpOptions = true,
    description = {
      "Prints the logs of a build: the newest one, the newest of a pipeline, or `#N`.",
      "With -f, keeps printing new lines until the build ends."
    })
final class GetBuildLogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..2",
      paramLabel = "OWNER/REPO/BRANCH | #N",
      description = "The pipeline and/or build number (default: the newest build).")
  List<String> args = new ArrayList<>();

  @Option(names = {"-f", "--follow"}, description = "Follow the log while the build runs.")
  boolean follow;

  @Option(names = {"-t", "--timestamps"}, description = "Show each line's time.")
  boolean timestamps;

  @Option(names = "--poll-interval", hidden = true, description = "Milliseconds between polls.")
  long intervalMillis = 200;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext()) {
      ActivityStore store = engine.store();
      LogStore logs = engine.logs();
      Activity a = BuildSelector.select(store, args, false);
      out.println("Showing logs for build " + a.displayName() + " (" + a.context() + ")");
      Map<Long, Integer> offsets = new HashMap<>();
      while (true) {
        a = store.get(a.id()).orElse(a);
        boolean done = a.status().isTerminal();
        printNew(a, logs, offsets, out);
        if (!follow || done) {
          out.println("Build " + a.displayName() + " " + a.status()
              + (a.message().isEmpty() ? "" : ": " + a.message()));
          out.flush();
          return a.status().isFailure() && follow ? RunCommand.exitCodeOf(a.status()) : ExitCodes.OK;
        }
        Thread.sleep(intervalMillis);
        store.recoverOrphans();
      }
    }
  }

  private void printNew(Activity a, LogStore logs, Map<Long, Integer> offsets, PrintWriter out) {
    Map<Long, StepRecord> stages = new HashMap<>();
    a.steps().stream().filter(s -> s.parentId() == null).forEach(s -> stages.put(s.id(), s));
    List<StepRecord> steps =
        a.steps().stream()
            .filter(s -> s.parentId() != null)
            .sorted(
                Comparator.comparingInt((StepRecord s) -> stages.get(s.parentId()).ordinal())
                    .thenComparingInt(StepRecord::ordinal))
            .toList();
    for (StepRecord step : steps) {
      int from = offsets.getOrDefault(step.id(), 0);
      List<LogLine> lines;
      try {
        lines = logs.read(a.id(), step.id(), from);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (lines.isEmpty()) {
        continue;
      }
      String stage = stages.get(step.parentId()).name();
      if (!follow && from == 0) {
        out.println();
        out.println("stage " + stage + " / step " + step.name() + " (" + step.status() + ")");
      }
      for (LogLine l : lines) {
        String prefix = follow ? "[" + stage + "/" + step.name() + "] " : "";
        out.println((timestamps ? l.time() + " " : "") + prefix + l.text());
      }
      offsets.put(step.id(), from + lines.size());
    }
    out.flush();
  }
}
