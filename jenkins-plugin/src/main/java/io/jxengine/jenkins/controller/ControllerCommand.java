package io.jxengine.jenkins.controller;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jxe jenkins controller add|list|remove}: the controllers in controllers.yaml. */
@Command(
    name = "controller",
    aliases = {"controllers"},
    mixinStandardHelpOptions = true,
    description = "Configures the existing Jenkins controllers the engine imports builds from.")
final class ControllerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing add, list or remove");
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = {
      "Adds a controller (or replaces it with --replace). The API token stays in a local secret:",
      "$JXE_HOME/secrets.yaml (<secret>: {<key>: TOKEN}) or JXE_SECRET_<SECRET>_<KEY>."})
  static final class Add extends CliSupport {
    @Parameters(paramLabel = "NAME", description = "A short name; owner of the imported builds.")
    String name;

    @Option(names = "--url", required = true, description = "The controller's URL.")
    String url;

    @Option(names = "--user", required = true, description = "The Jenkins user.")
    String user;

    @Option(names = "--token-secret", required = true, paramLabel = "SECRET/KEY",
        description = "The local secret holding the user's API token.")
    String tokenSecret;

    @Option(names = "--jobs", split = ",", paramLabel = "GLOB",
        description = "Only import jobs whose full name matches (e.g. team-a/**).")
    List<String> jobs = List.of();

    @Option(names = "--replace", description = "Replace a controller of the same name.")
    boolean replace;

    @Override
    int execute(PrintWriter out) {
      Controller c = Controller.of(name, url, user, tokenSecret, jobs);
      ControllersFile file = file();
      ControllersFile.Config config = file.load();
      if (config.find(name).isPresent() && !replace) {
        throw new IllegalArgumentException("controller " + name + " exists; use --replace");
      }
      List<Controller> list = new ArrayList<>(config.controllers());
      list.removeIf(x -> x.name().equals(name));
      list.add(c);
      file.save(new ControllersFile.Config(config.syncInterval(), config.maxBuilds(), list));
      out.println("controller " + name + " (" + c.url() + ", user " + c.user() + ") saved in "
          + file.path());
      if (secrets().lookup(c.secretName(), c.secretKey()).isEmpty()) {
        out.println("note: the secret " + c.tokenSecret() + " is not set yet; sync needs it");
      }
      return OK;
    }
  }

  @Command(name = "list", aliases = {"ls"}, mixinStandardHelpOptions = true,
      description = "Lists the configured controllers (never their tokens).")
  static final class ListControllers extends CliSupport {
    @Option(names = {"-o", "--output"}, description = "text or json (default text).")
    String output = "text";

    @Override
    int execute(PrintWriter out) {
      ControllersFile.Config config = file().load();
      if ("json".equals(output)) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Controller c : config.controllers()) {
          rows.add(Map.of("name", c.name(), "url", c.url().toString(), "user", c.user(),
              "tokenSecret", c.tokenSecret(), "jobs", c.jobs()));
        }
        out.println(json(rows));
        return OK;
      }
      String format = "%-16s %-40s %-16s %-24s %s%n";
      out.printf(Locale.ROOT, format, "NAME", "URL", "USER", "TOKEN SECRET", "JOBS");
      for (Controller c : config.controllers()) {
        out.printf(Locale.ROOT, format, c.name(), c.url(), c.user(), c.tokenSecret(),
            c.jobs().isEmpty() ? "all" : String.join(",", c.jobs()));
      }
      return OK;
    }
  }

  @Command(name = "remove", aliases = {"rm"}, mixinStandardHelpOptions = true,
      description = "Removes a controller; builds imported from it stay.")
  static final class Remove extends CliSupport {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    int execute(PrintWriter out) {
      ControllersFile file = file();
      ControllersFile.Config config = file.load();
      if (config.find(name).isEmpty()) {
        throw new IllegalArgumentException("no controller " + name + " in " + file.path());
      }
      List<Controller> list = new ArrayList<>(config.controllers());
      list.removeIf(x -> x.name().equals(name));
      file.save(new ControllersFile.Config(config.syncInterval(), config.maxBuilds(), list));
      out.println("controller " + name + " removed");
      return OK;
    }
  }
}
