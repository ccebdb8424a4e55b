package io.jxengine.server.trigger;

import io.jxengine.catalog.Catalog;
import io.jxengine.diag.Diagnostic;
import io.jxengine.diag.Diagnostics;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.parse.PipelineSourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pipelines of a repository at one commit, read from the mirror and loaded through the
 * built-in catalog plus the repository's own {@code .jx/catalog} at that commit.
 */
final class CommitPipelines {
  /** One pipeline file and what loading it gave. */
  record Loaded(String name, String displayPath, LoadResult result) {
    boolean ok() {
      return result.effective() != null;
    }
  }

  private final List<Loaded> loaded;

  private CommitPipelines(List<Loaded> loaded) {
    this.loaded = List.copyOf(loaded);
  }

  static CommitPipelines load(RepoMirror mirror, String sha, List<Path> builtInCatalogs) {
    Map<String, String> files = mirror.pipelineFiles(sha);
    List<Loaded> out = new ArrayList<>();
    if (files.isEmpty()) {
      return otherFormat(mirror, sha, builtInCatalogs);
    }
    PipelineLoader loader = new PipelineLoader(catalog(mirror, sha, builtInCatalogs));
    files.forEach(
        (path, text) -> {
          String fileName = path.substring(path.lastIndexOf('/') + 1);
          String stem = fileName.substring(0, fileName.lastIndexOf('.'));
          String defaultName = path.startsWith(".jx/pipelines/") ? stem : "default";
          LoadResult r = loader.loadString(text, path, defaultName);
          String name = r.source() != null ? r.source().name() : defaultName;
          out.add(new Loaded(name, path, r));
        });
    return new CommitPipelines(out);
  }

  /** A commit without native files: the first file an installed format reads (a Jenkinsfile). */
  private static CommitPipelines otherFormat(RepoMirror mirror, String sha, List<Path> builtInCatalogs) {
    for (PipelineSourceFormat f : PipelineSourceFormat.installed()) {
      for (String path : f.fileNames()) {
        java.util.Optional<String> text = mirror.readFile(sha, path);
        if (text.isPresent()) {
          PipelineLoader loader = new PipelineLoader(catalog(mirror, sha, builtInCatalogs));
          LoadResult r = loader.loadString(text.get(), path, "default", f);
          return new CommitPipelines(List.of(new Loaded("default", path, r)));
        }
      }
    }
    return new CommitPipelines(List.of());
  }

  List<Loaded> all() {
    return loaded;
  }

  List<Loaded> ok() {
    return loaded.stream().filter(Loaded::ok).toList();
  }

  List<Loaded> broken() {
    return loaded.stream().filter(l -> !l.ok()).toList();
  }

  /** Every error of the broken pipelines as {@code file:line:col: error[CODE]: message}. */
  List<String> errorLines() {
    List<String> lines = new ArrayList<>();
    for (Loaded l : broken()) {
      l.result().diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format)
          .forEach(lines::add);
    }
    return lines;
  }

  /**
   * The catalog roots: built-in first, then the commit's {@code .jx/catalog}, written to a
   * temporary directory because the catalog reads files. Broken entries are left out by the
   * catalog itself; the pipelines that use them then report the missing entry.
   */
  private static Catalog catalog(RepoMirror mirror, String sha, List<Path> builtIns) {
    Map<String, byte[]> files = mirror.filesUnder(sha, ".jx/catalog");
    List<Path> roots = new ArrayList<>(builtIns);
    if (files.isEmpty()) {
      return Catalog.load(roots, new Diagnostics());
    }
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("jxe-catalog-");
      Path root = tmp.resolve("catalog");
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        String rel = f.getKey().substring(".jx/catalog/".length());
        Path target = root.resolve(rel).normalize();
        if (!target.startsWith(root)) {
          continue; // git does not allow "..", but the mirror's content is not ours to trust
        }
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue());
      }
      roots.add(root);
      return Catalog.load(roots, new Diagnostics());
    } catch (IOException e) {
      return Catalog.load(new ArrayList<>(builtIns), new Diagnostics());
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
