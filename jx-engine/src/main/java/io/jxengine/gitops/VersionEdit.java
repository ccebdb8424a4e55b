package io.jxengine.gitops;

import io.jxengine.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Changes only the {@code version:} value of one application in an environment checkout, keeping
 * every other byte of the file (comments, order, quoting of other values), so the promotion's diff
 * is one line.
 */
final class VersionEdit {
  private VersionEdit() {}

  /** What the edit found: the version before, or why the application cannot be promoted. */
  record Result(String previous, boolean changed) {}

  static Result setVersion(Path checkout, String app, String version) {
    io.jxengine.diag.Diagnostics diags = new io.jxengine.diag.Diagnostics();
    AppSpec spec = EnvRepoReader.readApp(checkout, app, diags).orElseThrow(() -> new PromotionException(
        "unknown application " + app + ": the environment repository has no "
            + EnvRepoReader.APPS_DIR + "/" + app + ".yaml", null));
    List<Diagnostic> errors = diags.sorted().stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty() || spec.versionPos().line() == 0) {
      throw new PromotionException("cannot edit " + EnvRepoReader.APPS_DIR + "/" + app + ".yaml: "
          + (errors.isEmpty() ? "no version: line" : errors.get(0).format()), null);
    }
    if (version.equals(spec.version())) {
      return new Result(spec.version(), false);
    }
    Path file = checkout.resolve(EnvRepoReader.APPS_DIR).resolve(app + ".yaml");
    try {
      List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
      int index = spec.versionPos().line() - 1;
      String line = lines.get(index);
      int start = spec.versionPos().column() - 1;
      int end = valueEnd(line, start);
      lines.set(index, line.substring(0, start) + version + line.substring(end));
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return new Result(spec.version(), true);
    } catch (IOException e) {
      throw new PromotionException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where the scalar starting at {@code start} ends: its closing quote, or a comment, or the line's end. */
  private static int valueEnd(String line, int start) {
    char first = start < line.length() ? line.charAt(start) : ' ';
    if (first == '"' || first == '\'') {
      int close = line.indexOf(first, start + 1);
      return close < 0 ? line.length() : close + 1;
    }
    int comment = line.indexOf(" #", start);
    int end = comment < 0 ? line.length() : comment;
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
