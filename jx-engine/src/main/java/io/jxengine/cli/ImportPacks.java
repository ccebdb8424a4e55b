package io.jxengine.cli;

import io.jxengine.release.BuildPacks;
import io.jxengine.release.ReleaseException;
import io.jxengine.server.repos.ImportTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The build-pack half of {@code jxe import}: a working tree on this machine without pipelines
 * gets the pipelines of its kind's pack (or of {@code --pack}). Bare and remote repositories have
 * no files to write into; they are left alone, with a note when a pack was asked for.
 */
final class ImportPacks {
  private ImportPacks() {}

  /** Refuses an unknown {@code --pack} before anything is imported (exit 2, listing the packs). */
  static void checkKnown(List<Path> catalogs, String pack) throws IOException {
    Optional<BuildPacks> packs = BuildPacks.besideCatalogs(catalogs);
    if (pack != null && packs.isPresent() && !packs.get().kinds().contains(pack)) {
      throw new UserException("--pack: no build pack '" + pack + "'; the packs are: "
          + String.join(", ", packs.get().kinds()), ExitCodes.USAGE);
    }
  }

  static void write(List<Path> catalogs, String target, String pack, PrintWriter out)
      throws IOException {
    ImportTarget where = ImportTarget.of(target, Path.of("").toAbsolutePath());
    Path dir = where.isLocal() ? where.localPath() : null;
    if (dir == null || !Files.exists(dir.resolve(".git"))) {
      if (pack != null) {
        out.println("Not a working tree on this machine: no pipelines written. Run `jxe import <clone"
            + " directory> --pack " + pack + "` in a clone, then commit .jx/.");
      }
      return;
    }
    Optional<BuildPacks> packs = BuildPacks.besideCatalogs(catalogs);
    if (packs.isEmpty()) {
      out.println("No build packs found next to the catalog (run jxe through the ./jxe launcher):"
          + " no pipelines written.");
      return;
    }
    Optional<String> kind = pack != null ? Optional.of(pack) : BuildPacks.detect(dir);
    if (kind.isEmpty()) {
      out.println("No build pack matches " + dir + " (packs: " + String.join(", ", packs.get().kinds())
          + "); pass --pack KIND to pick one.");
      return;
    }
    BuildPacks.Applied applied;
    try {
      applied = packs.get().apply(kind.get(), dir);
    } catch (ReleaseException e) {
      throw new UserException(e.getMessage());
    }
    if (applied.written().isEmpty()) {
      out.println("The repository has its own pipelines: build pack " + applied.kind() + " not applied.");
    } else {
      out.println("Wrote the " + applied.kind() + " build pack's pipelines: "
          + String.join(", ", applied.written()) + " (commit them to use them).");
    }
  }
}
