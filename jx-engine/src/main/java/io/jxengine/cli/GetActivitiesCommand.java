package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.Status;
import java.io.PrintWriter;
import java.time.Instant;
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
    name = "activities",
    aliases = {"activity", "act"},
    mixinStandardHelpOptions = true,
    description = "Lists pipeline activities, newest first, with their stages and steps.")
final class GetActivitiesCommand implements Callable<Integer> {
  enum Format {
    text,
    wide,
    json,
    yaml
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "OWNER/REPO[/BRANCH]", description = "Only this pipeline.")
  String pipeline;

  @Option(names = "--status", description = "Only activities with this status.")
  Status status;

  @Option(names = "--source", description = "Only activities from this source (native, jenkinsfile, jenkins).")
  String source;

  @Option(names = "--limit", description = "At most this many activities (default ${DEFAULT-VALUE}).")
  int limit = 20;

  @Option(names = {"-o", "--output"}, description = "text, wide, json or yaml (default text).")
  Format output = Format.text;

  @Option(names = {"-w", "--watch"}, description = "Keep watching and print activities as they change.")
  boolean watch;

  @Option(names = "--watch-interval", hidden = true, description = "Milliseconds between polls.")
  long intervalMillis = 500;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    BuildSelector.PipelineName p = BuildSelector.PipelineName.parse(pipeline);
    ActivityFilter filter = new ActivityFilter(p.owner(), p.repo(), p.branch(), status, source, limit);
    try (EngineContext engine = new EngineContext()) {
      List<Activity> list = engine.store().list(filter);
      print(list, engine, out, true);
      if (!watch) {
        return ExitCodes.OK;
      }
      Map<Long, String> seen = new HashMap<>();
      list.forEach(a -> seen.put(a.id(), fingerprint(a)));
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(intervalMillis);
        engine.store().recoverOrphans();
        List<Activity> changed =
            engine.store().list(filter).stream()
                .filter(a -> !fingerprint(a).equals(seen.get(a.id())))
                .toList();
        changed.forEach(a -> seen.put(a.id(), fingerprint(a)));
        if (!changed.isEmpty()) {
          List<Activity> oldestFirst = new java.util.ArrayList<>(changed);
          java.util.Collections.reverse(oldestFirst);
          print(oldestFirst, engine, out, false);
        }
      }
      return ExitCodes.OK;
    }
  }

  private void print(List<Activity> list, EngineContext engine, PrintWriter out, boolean header) {
    switch (output) {
      case json -> out.println(Output.json(list));
      case yaml -> out.print(Output.yaml(list));
      default -> {
        // Test totals cost one more read, so only the wide table asks for them.
        ActivityTable table = output == Format.wide
            ? new ActivityTable(true, Instant.now(),
                engine.store().testTotals(list.stream().map(Activity::id).toList()))
            : new ActivityTable(false, Instant.now());
        if (header) {
          table.header().forEach(out::println);
        }
        list.forEach(a -> table.rows(a).forEach(out::println));
      }
    }
    out.flush();
  }

  private static String fingerprint(Activity a) {
    StringBuilder sb = new StringBuilder(a.status().name());
    a.steps().forEach(s -> sb.append(',').append(s.status().name()));
    return sb.toString();
  }
}
