package io.jxengine.catalog;

import io.jxengine.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The reusable steps and stages {@code uses:} refers to. Immutable once loaded; thread-safe.
 */
public final class Catalog {
  private final Map<String, CatalogEntry> steps;
  private final Map<String, CatalogEntry> stages;

  private Catalog(Map<String, CatalogEntry> steps, Map<String, CatalogEntry> stages) {
    this.steps = Map.copyOf(steps);
    this.stages = Map.copyOf(stages);
  }

  /**
   * Later roots override earlier ones (built-in catalog first, then the repo's
   * {@code .jx/catalog}). Each root has {@code steps/} and {@code stages/}; missing roots or
   * directories are skipped. Broken entries are reported (their own diagnostics, then JX304)
   * and left out; nothing is thrown.
   */
  public static Catalog load(List<Path> roots, Diagnostics diags) {
    Map<String, CatalogEntry> steps = new TreeMap<>();
    Map<String, CatalogEntry> stages = new TreeMap<>();
    for (Path root : roots) {
      readDir(root.resolve("steps"), CatalogEntry.STEP, steps, diags);
      readDir(root.resolve("stages"), CatalogEntry.STAGE, stages, diags);
    }
    return new Catalog(steps, stages);
  }

  public static Catalog empty() {
    return new Catalog(Map.of(), Map.of());
  }

  public Optional<CatalogEntry> step(String name) {
    return Optional.ofNullable(steps.get(name));
  }

  public Optional<CatalogEntry> stage(String name) {
    return Optional.ofNullable(stages.get(name));
  }

  /** Every entry, steps then stages, each by name. */
  public List<CatalogEntry> entries() {
    List<CatalogEntry> all = new ArrayList<>(new TreeMap<>(steps).values());
    all.addAll(new TreeMap<>(stages).values());
    return all;
  }

  List<String> stepNames() {
    return steps.keySet().stream().sorted().toList();
  }

  List<String> stageNames() {
    return stages.keySet().stream().sorted().toList();
  }

  private static void readDir(Path dir, String kind, Map<String, CatalogEntry> into, Diagnostics diags) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      return; // an unreadable directory contributes nothing, as if it were absent
    }
    for (Path f : files) {
      CatalogEntryReader.read(f, kind, diags).ifPresent(e -> into.put(e.name(), e));
    }
  }
}
