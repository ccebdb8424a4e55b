package io.jxengine.cli;

import io.jxengine.gitops.Environment;
import io.jxengine.store.SqliteEnvironmentStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "environments",
    aliases = {"environment", "envs", "env"},
    mixinStandardHelpOptions = true,
    description = "Lists the environments registered with `jxe env create`.")
final class GetEnvironmentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, description = "text, json or yaml (default text).")
  Output.Format output = Output.Format.text;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext();
        SqliteEnvironmentStore envs = SqliteEnvironmentStore.open(engine.home().database())) {
      List<Map<String, Object>> rows = envs.environments().stream().map(GetEnvironmentsCommand::view).toList();
      Output.rows(out, output, rows, () -> {
        out.printf("%-14s %-8s %-18s %-8s %s%n", "NAME", "PROMOTE", "NAMESPACE", "PROVIDER", "SOURCE");
        for (Map<String, Object> r : rows) {
          out.printf("%-14s %-8s %-18s %-8s %s%n", r.get("name"), r.get("strategy"), r.get("namespace"),
              r.get("provider"), r.get("repo"));
        }
      });
      return ExitCodes.OK;
    }
  }

  private static Map<String, Object> view(Environment e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", e.name());
    m.put("strategy", e.strategy().name());
    m.put("namespace", e.namespace());
    m.put("cluster", e.cluster());
    m.put("provider", e.provider().name().toLowerCase(Locale.ROOT));
    m.put("repo", e.repoUrl());
    m.put("branch", e.branch());
    m.put("created", e.created().toString());
    return m;
  }
}
