package io.jxengine.cli;

import io.jxengine.gitops.Deployment;
import io.jxengine.gitops.Environment;
import io.jxengine.store.SqliteEnvironmentStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "applications",
    aliases = {"application", "apps", "app"},
    mixinStandardHelpOptions = true,
    description = "Applications and the version running in each environment (as applied by `jxe env apply`).")
final class GetApplicationsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, description = "text, json or yaml (default text).")
  Output.Format output = Output.Format.text;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext();
        SqliteEnvironmentStore envs = SqliteEnvironmentStore.open(engine.home().database())) {
      List<String> columns = envs.environments().stream().map(Environment::name).toList();
      Map<String, Map<String, String>> table = new TreeMap<>();
      for (Deployment d : envs.deployments()) {
        table.computeIfAbsent(d.app(), a -> new LinkedHashMap<>()).put(d.environment(), d.version());
      }
      Output.rows(out, output, rows(table), () -> {
        StringBuilder header = new StringBuilder(String.format("%-24s", "APPLICATION"));
        columns.forEach(c -> header.append(String.format(" %-14s", c.toUpperCase(java.util.Locale.ROOT))));
        out.println(header.toString().stripTrailing());
        for (Map.Entry<String, Map<String, String>> row : table.entrySet()) {
          StringBuilder line = new StringBuilder(String.format("%-24s", row.getKey()));
          columns.forEach(c -> line.append(String.format(" %-14s", row.getValue().getOrDefault(c, ""))));
          out.println(line.toString().stripTrailing());
        }
      });
      return ExitCodes.OK;
    }
  }

  private static List<Map<String, Object>> rows(Map<String, Map<String, String>> table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    table.forEach((app, versions) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("application", app);
      m.put("environments", versions);
      rows.add(m);
    });
    return rows;
  }
}
