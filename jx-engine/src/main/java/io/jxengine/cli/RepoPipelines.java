package io.jxengine.cli;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import io.jxengine.engine.JxeHome;
import io.jxengine.lint.Names;
import io.jxengine.model.Pos;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.parse.PipelineSource;
import io.jxengine.parse.PipelineSourceFormat;
import io.jxengine.parse.PipelineLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipelines of a repository directory (or one pipeline file), loaded through the catalog:
 * the built-in one and the repository's own {@code .jx/catalog}.
 */
final class RepoPipelines {
  /** One pipeline file and what loading it gave. */
  record Loaded(PipelineSource source, LoadResult result) {}

  private final Path repoDir;
  private final List<Loaded> loaded;
  private final List<Diagnostic> problems;

  private RepoPipelines(Path repoDir, List<Loaded> loaded, List<Diagnostic> problems) {
    this.repoDir = repoDir;
    this.loaded = List.copyOf(loaded);
    this.problems = List.copyOf(problems);
  }

  /** Loads every pipeline under {@code path} (a repository directory or a single file). */
  static RepoPipelines load(Path path, JxeHome home) {
    Path abs = path.toAbsolutePath().normalize();
    Diagnostics diags = new Diagnostics();
    List<PipelineSource> sources = new ArrayList<>();
    Path repoDir;
    if (Files.isDirectory(abs)) {
      repoDir = abs;
      sources.addAll(PipelineLocator.find(abs));
      if (sources.isEmpty()) {
        diags.report(
            Code.FILE_NOT_FOUND, Pos.fileStart(display(abs.resolve(".jx/pipeline.yaml"))), "",
            display(abs.resolve(".jx/pipeline.yaml")));
      }
    } else if (Files.isRegularFile(abs)) {
      repoDir = repoRootOf(abs);
      Optional<PipelineSourceFormat> format = PipelineSourceFormat.forFile(abs);
      String stem = abs.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      // A file's stem becomes its pipeline's default name, made valid as a Kubernetes name.
      String name = stem.equals("pipeline") ? "default" : Names.slug(stem, "default");
      sources.add(format.isPresent()
          ? new PipelineSource("default", abs, display(abs), format.get())
          : new PipelineSource(name, abs, display(abs)));
    } else {
      repoDir = abs.getParent() == null ? abs : abs.getParent();
      diags.report(Code.FILE_NOT_FOUND, Pos.fileStart(display(abs)), "", display(abs));
    }
    List<Path> roots = new ArrayList<>(home.builtInCatalogs());
    Path repoCatalog = repoDir.resolve(".jx").resolve("catalog");
    if (Files.isDirectory(repoCatalog)) {
      roots.add(repoCatalog);
    }
    Catalog catalog = Catalog.load(roots, diags);
    PipelineLoader loader = new PipelineLoader(catalog);
    List<Loaded> loaded = new ArrayList<>();
    for (PipelineSource s : sources) {
      loaded.add(new Loaded(s, loader.load(s)));
    }
    return new RepoPipelines(repoDir, loaded, diags.sorted());
  }

  Path repoDir() {
    return repoDir;
  }

  List<Loaded> pipelines() {
    return loaded;
  }

  /** Diagnostics that belong to no single pipeline (missing file, broken catalog entry). */
  List<Diagnostic> problems() {
    return problems;
  }

  /** Every diagnostic, problems first, then each pipeline's in order. */
  List<Diagnostic> allDiagnostics() {
    List<Diagnostic> all = new ArrayList<>(problems);
    loaded.forEach(l -> all.addAll(l.result().diagnostics()));
    return all;
  }

  /**
   * The pipeline called {@code name}; without a name, the default one or the only one. Empty
   * when there is no such pipeline; {@link #names()} lists what there is.
   */
  Optional<Loaded> select(String name) {
    if (name != null) {
      return loaded.stream().filter(l -> l.source().name().equals(name)).findFirst();
    }
    Optional<Loaded> def =
        loaded.stream().filter(l -> l.source().name().equals("default")).findFirst();
    if (def.isPresent()) {
      return def;
    }
    return loaded.size() == 1 ? Optional.of(loaded.get(0)) : Optional.empty();
  }

  String names() {
    return String.join(", ", loaded.stream().map(l -> l.source().name()).toList());
  }

  /** A path as the user would write it: relative to the current directory when below it. */
  static String display(Path p) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  /** For {@code repo/.jx/pipeline.yaml} or {@code repo/.jx/pipelines/x.yaml}: {@code repo}. */
  private static Path repoRootOf(Path file) {
    for (Path p = file.getParent(); p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().equals(".jx")) {
        return p.getParent() == null ? p : p.getParent();
      }
    }
    return file.getParent();
  }
}
