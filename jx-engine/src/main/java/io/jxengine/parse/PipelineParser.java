package io.jxengine.parse;

import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pipeline;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses the native format ({@code docs/pipeline-syntax.md}) into the pipeline model. Checks
 * the shape of the document and single values (types, unknown and duplicate keys, durations,
 * globs, cron, events, dirs); meaning across the document (names, needs, cycles) is the
 * {@link io.jxengine.lint.Linter}'s. Collects every diagnostic and never throws for a user's
 * mistake. Stateless and thread-safe.
 */
public final class PipelineParser {
  public static final long MAX_BYTES = YamlDocuments.MAX_BYTES;

  /**
   * @param displayPath the path diagnostics and the model show, as the user would write it
   * @param defaultName the pipeline's name when the file has no {@code name:}
   */
  public ParseResult parseFile(Path file, String displayPath, String defaultName) {
    Diagnostics diags = new Diagnostics();
    return result(YamlDocuments.read(file, displayPath, diags), displayPath, defaultName, diags);
  }

  public ParseResult parse(String yaml, String displayPath, String defaultName) {
    Diagnostics diags = new Diagnostics();
    return result(YamlDocuments.compose(yaml, displayPath, diags), displayPath, defaultName, diags);
  }

  private static ParseResult result(
      Optional<Node> root, String displayPath, String defaultName, Diagnostics diags) {
    Pipeline p =
        root.map(n -> new PipelineReader(new NodeReader(displayPath, diags)).read(n, defaultName))
            .orElse(null);
    return new ParseResult(p, diags.sorted());
  }
}
