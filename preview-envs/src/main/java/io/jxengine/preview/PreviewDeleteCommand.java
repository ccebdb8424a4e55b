package io.jxengine.preview;

import io.jxengine.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jxe preview delete NAME}: deletes a preview's namespace and resource, and comments. */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Deletes a preview environment (its namespace and Preview resource).")
final class PreviewDeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "The preview's name (see `jxe get previews`).")
  String name;

  @Option(names = "--reason", description = "Why, for the pull-request comment.")
  String reason = "deleted by hand with jxe preview delete";

  @Option(names = "--namespace", description = "Where Preview resources are kept.")
  String namespace;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return PreviewCli.with(namespace, err, c -> {
      if (c.store.get(name).isEmpty()) {
        err.println("jxe: no preview " + name + " (see jxe get previews)");
        return ExitCodes.FAILED;
      }
      c.service.delete(name, reason).forEach(n -> err.println("jxe: warning: " + n));
      out.println("preview " + name + " deleted");
      out.flush();
      return ExitCodes.OK;
    });
  }
}
