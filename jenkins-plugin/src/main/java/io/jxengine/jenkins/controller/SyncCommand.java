package io.jxengine.jenkins.controller;

import io.jxengine.logs.FileLogStore;
import io.jxengine.store.SqliteActivityStore;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jxe jenkins sync [CONTROLLER]}: imports builds now. */
@Command(name = "sync", mixinStandardHelpOptions = true, description = {
    "Imports the builds of the configured controllers (or of one) into the activities.",
    "They show beside native runs; builds imported before are not imported again, running",
    "ones are updated.",
    "Exit code 1 when a controller or job could not be synced (the others still are)."})
final class SyncCommand extends CliSupport {
  @Parameters(arity = "0..1", paramLabel = "CONTROLLER", description = "Only this controller.")
  String controller;

  @Override
  int execute(PrintWriter out) throws java.io.IOException {
    ControllersFile.Config config = file().load();
    if (controller != null && config.find(controller).isEmpty()) {
      throw new IllegalArgumentException("no controller " + controller + " in " + file().path());
    }
    if (config.controllers().isEmpty()) {
      out.println("no controllers configured (add one with `jxe jenkins controller add`)");
      return OK;
    }
    home().ensureExists();
    List<ControllerSync.Result> results;
    try (SqliteActivityStore store = SqliteActivityStore.open(home().database())) {
      results = new ControllerSync(store, new FileLogStore(home().logs()), secrets())
          .syncAll(config, controller);
    }
    boolean ok = true;
    for (ControllerSync.Result r : results) {
      out.println(r.summary());
      out.flush();
      for (String error : r.errors()) {
        spec.commandLine().getErr().println("jxe: " + error);
      }
      ok &= r.ok();
    }
    spec.commandLine().getErr().flush();
    return ok ? OK : FAILED;
  }
}
