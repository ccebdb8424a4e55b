package io.jxengine.preview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jxengine.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jxe get previews}: the preview environments, newest first, with each one's time to live
 * and its repository's maximum (what garbage collection will apply), its URL and its pull request.
 */
@Command(name = "previews", aliases = "preview", mixinStandardHelpOptions = true,
    description = "Lists pull-request preview environments.")
final class GetPreviewsCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, description = "text or json (default text).")
  Format output = Format.text;

  @Option(names = "--namespace", description = "Where Preview resources are kept.")
  String namespace;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    return PreviewCli.with(namespace, err, c -> {
      List<PreviewSpec> rows = c.store.list().stream().map(Preview::getSpec)
          .sorted(Comparator.comparing(PreviewSpec::getUpdatedAt,
              Comparator.nullsLast(Comparator.reverseOrder())))
          .toList();
      if (output == Format.json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(rows));
      } else {
        String row = "%-40s %-30s %-5s %-22s %-6s %-4s %-40s %s%n";
        out.printf(row, "NAME", "REPOSITORY", "PR", "UPDATED", "TTL", "MAX", "URL",
            "PULL REQUEST");
        for (PreviewSpec s : rows) {
          out.printf(row, s.getNamespace(), s.getOwner() + "/" + s.getRepository(),
              s.getPullRequest(), s.getUpdatedAt(), dash(s.getTtl()),
              dash(s.getMaxPerRepository()), dash(s.getUrl()), dash(s.getPullRequestUrl()));
        }
      }
      out.flush();
      return ExitCodes.OK;
    });
  }

  private static String dash(Object value) {
    return value == null || value.toString().isEmpty() ? "-" : value.toString();
  }
}
