package io.jxengine.parse;

import io.jxengine.catalog.Catalog;
import io.jxengine.catalog.CatalogResolver;
import io.jxengine.diag.Diagnostics;
import io.jxengine.lint.Linter;
import io.jxengine.model.Pipeline;
import java.nio.file.Path;

/**
 * The front end in one call: parse, resolve {@code uses:} against the catalog, lint the result.
 * Diagnostics of the catalog itself are not included (they belong to whoever loaded it).
 * Thread-safe when the catalog is (it is immutable).
 */
public final class PipelineLoader {
  private final Catalog catalog;
  private final PipelineParser parser = new PipelineParser();
  private final CatalogResolver resolver = new CatalogResolver();
  private final Linter linter = new Linter();

  public PipelineLoader(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Loads a file; {@code displayPath} is what diagnostics show, {@code defaultName} the name without {@code name:}. */
  public LoadResult load(Path file, String displayPath, String defaultName) {
    return finish(parser.parseFile(file, displayPath, defaultName));
  }

  public LoadResult loadString(String yaml, String displayPath, String defaultName) {
    return finish(parser.parse(yaml, displayPath, defaultName));
  }

  /** Loads a located file in its own format (native YAML when {@code format()} is null). */
  public LoadResult load(PipelineSource source) {
    return source.format() == null
        ? load(source.file(), source.displayPath(), source.name())
        : finish(source.format().parseFile(source.file(), source.displayPath(), source.name()));
  }

  /** Loads text in {@code format}, or native YAML when it is null. */
  public LoadResult loadString(String text, String displayPath, String defaultName, PipelineSourceFormat format) {
    return format == null
        ? loadString(text, displayPath, defaultName)
        : finish(format.parse(text, displayPath, defaultName));
  }

  private LoadResult finish(ParseResult parsed) {
    Diagnostics diags = new Diagnostics();
    diags.addAll(parsed.diagnostics());
    Pipeline source = parsed.pipeline();
    if (source == null) {
      return new LoadResult(null, null, diags.sorted());
    }
    Pipeline effective = resolver.resolve(source, catalog, diags);
    linter.lint(effective, diags);
    return new LoadResult(source, diags.hasErrors() ? null : effective, diags.sorted());
  }
}
