package io.jxengine.preview;

import io.jxengine.cli.ExitCodes;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jxe gc previews}: one garbage-collection pass now (the server runs them on a schedule). */
@Command(name = "previews", mixinStandardHelpOptions = true,
    description = "Deletes previews whose pull request is closed, idle past their TTL, or beyond"
        + " their repository's maximum.")
final class GcPreviewsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--namespace", description = "Where Preview resources are kept.")
  String namespace;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return PreviewCli.with(namespace, err, c -> {
      List<PreviewGc.Eviction> evicted =
          new PreviewGc(c.store, c.service, c.providers, Clock.systemUTC()).run();
      for (PreviewGc.Eviction e : evicted) {
        out.println("deleted " + e.name() + ": " + e.reason());
        e.notes().forEach(n -> err.println("jxe: warning: " + n));
      }
      out.println(evicted.size() + " preview(s) deleted");
      out.flush();
      return ExitCodes.OK;
    });
  }
}
