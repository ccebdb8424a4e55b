package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.diag.Texts;
import io.jxengine.model.Pos;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/** Checks of single values whose exact position only the parser knows: globs, events, dirs. */
final class ValueChecks {
  static final List<String> EVENTS = List.of("push", "pull_request", "tag", "comment", "cron", "manual");

  private ValueChecks() {}

  /** Why {@code glob} is not a usable glob, or empty. */
  static Optional<String> globProblem(String glob) {
    if (glob.isEmpty()) {
      return Optional.of(Texts.get("reason.glob.empty"));
    }
    if (glob.contains("***")) {
      return Optional.of(Texts.get("reason.glob.stars"));
    }
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(e.getDescription());
    }
  }

  /** Reads a list of globs, reporting each invalid one (JX108). */
  static List<String> globs(NodeReader r, Fields f, String key) {
    List<String> out = new ArrayList<>();
    for (NodeReader.Item item : r.items(f.node(key), f.path(key), "a list of globs")) {
      String g = r.string(item.node(), item.field());
      if (g != null) {
        out.add(g);
        globProblem(g)
            .ifPresent(p -> r.diags().report(Code.INVALID_GLOB, r.pos(item.node()), item.field(), g, p));
      }
    }
    return out;
  }

  /** Reads a list of environment variable names, reporting invalid ones (JX110). */
  static List<String> envNames(NodeReader r, Fields f, String key) {
    List<String> out = new ArrayList<>();
    for (NodeReader.Item item : r.items(f.node(key), f.path(key), "a list of variable names")) {
      String name = r.string(item.node(), item.field());
      if (name != null) {
        out.add(name);
        if (!io.jxengine.lint.Names.isEnvName(name)) {
          r.diags().report(Code.INVALID_ENV_NAME, r.pos(item.node()), item.field(), name);
        }
      }
    }
    return out;
  }

  /** Reads a list of event kinds, reporting unknown ones (JX106). */
  static List<String> events(NodeReader r, Fields f, String key) {
    List<String> out = new ArrayList<>();
    for (NodeReader.Item item : r.items(f.node(key), f.path(key), "a list of events")) {
      String e = r.string(item.node(), item.field());
      if (e != null) {
        out.add(e);
      }
      if (e != null && !EVENTS.contains(e)) {
        r.diags()
            .reportWithHint(
                Code.INVALID_VALUE,
                r.pos(item.node()),
                item.field(),
                Suggest.closest(e, EVENTS).map(c -> Texts.get("hint.didYouMean", c)).orElse(""),
                e,
                "event",
                String.join(", ", EVENTS));
      }
    }
    return out;
  }

  /** Why {@code dir} is not a path inside the workspace, or empty. */
  static Optional<String> dirProblem(String dir) {
    if (dir.startsWith("/") || dir.startsWith("\\") || dir.matches("^[A-Za-z]:.*")) {
      return Optional.of(Texts.get("reason.dir.absolute"));
    }
    for (String segment : dir.split("[/\\\\]")) {
      if (segment.equals("..")) {
        return Optional.of(Texts.get("reason.dir.escapes"));
      }
    }
    return Optional.empty();
  }

  static void dir(Diagnostics diags, String dir, Pos pos, String field) {
    if (dir != null) {
      dirProblem(dir).ifPresent(p -> diags.report(Code.INVALID_DIR, pos, field, dir, p));
    }
  }
}
