package io.jxengine.cli;

import io.jxengine.parse.GoDuration;
import io.jxengine.server.repos.Repository;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "repositories",
    aliases = {"repository", "repos", "repo"},
    mixinStandardHelpOptions = true,
    description = "Lists the repositories registered with `jxe import`.")
final class GetRepositoriesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, description = "text, json or yaml (default text).")
  Output.Format output = Output.Format.text;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext()) {
      // The webhook secret is a credential: never printed by a listing.
      List<Map<String, Object>> rows = engine.repositories().list().stream().map(GetRepositoriesCommand::view).toList();
      Output.rows(out, output, rows, () -> {
        out.printf("%-4s %-30s %-8s %-10s %-8s %s%n", "ID", "REPOSITORY", "PROVIDER", "BRANCH", "POLL", "CLONE URL");
        for (Map<String, Object> r : rows) {
          out.printf(
              "%-4s %-30s %-8s %-10s %-8s %s%n",
              r.get("id"), r.get("fullName"), r.get("provider"), r.get("defaultBranch"),
              r.getOrDefault("poll", "-"), r.get("cloneUrl"));
        }
      });
      return ExitCodes.OK;
    }
  }

  static Map<String, Object> view(Repository r) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", r.id());
    m.put("fullName", r.fullName());
    m.put("provider", r.provider().name().toLowerCase(Locale.ROOT));
    m.put("owner", r.owner());
    m.put("name", r.name());
    m.put("cloneUrl", r.cloneUrl());
    m.put("apiUrl", r.apiUrl());
    m.put("tokenSecret", r.tokenSecret());
    m.put("defaultBranch", r.defaultBranch());
    m.put("trustedUsers", r.trustedUsers());
    m.put("localPath", r.localPath());
    if (r.pollInterval() != null) {
      m.put("poll", GoDuration.format(r.pollInterval()));
    }
    m.put("created", r.created().toString());
    return m;
  }
}
