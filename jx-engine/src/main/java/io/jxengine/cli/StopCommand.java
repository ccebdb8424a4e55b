package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description = {
      "Stops a running build: its steps' processes are ended and it is recorded as Aborted.",
      "Without arguments, stops the newest running build."
    })
final class StopCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..2", paramLabel = "OWNER/REPO/BRANCH | #N", description = "Which build.")
  List<String> args = new ArrayList<>();

  @Option(names = "--wait", description = "Seconds to wait for the build to stop (default ${DEFAULT-VALUE}).")
  int waitSeconds = 30;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (EngineContext engine = new EngineContext()) {
      ActivityStore store = engine.store();
      Activity a = BuildSelector.select(store, args, args.isEmpty());
      if (a.status().isTerminal()) {
        throw new UserException(a.displayName() + " is not running (" + a.status() + ")");
      }
      store.requestStop(a.id());
      out.println("stopping " + a.displayName() + " ...");
      out.flush();
      long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
      while (System.nanoTime() < deadline) {
        Activity now = store.get(a.id()).orElse(a);
        if (now.status().isTerminal()) {
          out.println(now.displayName() + " " + now.status());
          return ExitCodes.OK;
        }
        Thread.sleep(100);
        store.recoverOrphans();
      }
      throw new UserException(
          "asked " + a.displayName() + " to stop, but it is still running after " + waitSeconds + "s");
    }
  }
}
