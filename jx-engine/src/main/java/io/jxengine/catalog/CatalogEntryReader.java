package io.jxengine.catalog;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pos;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.parse.Fields;
import io.jxengine.parse.Keys;
import io.jxengine.parse.NodeReader;
import io.jxengine.parse.StageReader;
import io.jxengine.parse.StepReader;
import io.jxengine.parse.YamlDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one catalog file ({@code steps/NAME.yaml} or {@code stages/NAME.yaml}). Diagnostics point
 * into the catalog file; a broken entry gets one more, JX304, and is not returned.
 */
final class CatalogEntryReader {
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private CatalogEntryReader() {}

  /**
   * @param expectedKind {@code Step} for files under {@code steps/}, {@code Stage} under
   *     {@code stages/}
   */
  static Optional<CatalogEntry> read(Path file, String expectedKind, Diagnostics out) {
    String display = file.toString();
    String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    Diagnostics diags = new Diagnostics();
    CatalogEntry entry =
        YamlDocuments.read(file, display, diags)
            .map(root -> entry(root, file, stem, expectedKind, new NodeReader(display, diags)))
            .orElse(null);
    out.addAll(diags.sorted());
    if (entry == null || diags.hasErrors()) {
      out.report(Code.BAD_CATALOG_ENTRY, Pos.fileStart(display), "", stem, "see the errors in this file");
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  private static CatalogEntry entry(Node root, Path file, String stem, String expectedKind, NodeReader r) {
    Fields f = r.fields(root, "", "a catalog entry", Keys.CATALOG_ENTRY);
    if (f == null) {
      return null;
    }
    String kind = f.string("kind");
    if (kind == null) {
      r.diags().report(Code.MISSING_FIELD, f.pos(), "kind", "kind", "a catalog entry");
    } else if (!kind.equals(expectedKind)) {
      r.diags().report(Code.INVALID_VALUE, f.valuePos("kind"), "kind", kind, "kind", expectedKind);
    }
    String name = f.string("name");
    if (name != null && !name.equals(stem)) {
      r.diags()
          .report(Code.INVALID_VALUE, f.valuePos("name"), "name", name, "name", "`" + stem + "` (the file name)");
    }
    List<CatalogParam> params = params(r, f);
    Step step = null;
    Stage stage = null;
    String body = CatalogEntry.STEP.equals(expectedKind) ? "step" : "stage";
    String other = body.equals("step") ? "stage" : "step";
    if (f.written(other)) {
      r.diags().report(Code.CONFLICTING_FIELDS, f.keyPos(other), other, "kind: " + expectedKind, other);
    }
    if (!f.has(body)) {
      r.diags().report(Code.MISSING_FIELD, f.pos(), body, body, "a catalog entry of kind " + expectedKind);
    } else if (body.equals("step")) {
      step = new StepReader(r).read(f.node("step"), "step", stem, Keys.CATALOG_STEP);
    } else {
      Stage s = new StageReader(r).read(f.node("stage"), "stage", Keys.CATALOG_STAGE, false);
      stage =
          s == null
              ? null
              : new Stage(stem, null, s.image(), s.env(), s.secrets(), s.when(), s.timeout(), s.steps(), s.post(), null, s.pos());
    }
    return new CatalogEntry(expectedKind, stem, f.string("description"), params, step, stage, file);
  }

  private static List<CatalogParam> params(NodeReader r, Fields parent) {
    List<CatalogParam> out = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (NodeReader.Item item : r.items(parent.node("params"), "params", "a list of parameters")) {
      Fields f = r.fields(item.node(), item.field(), "a parameter", Keys.CATALOG_PARAM);
      if (f == null) {
        continue;
      }
      String name = f.string("name");
      if (name == null) {
        r.diags().report(Code.MISSING_FIELD, f.pos(), f.path("name"), "name", "a parameter");
        continue;
      }
      if (!PARAM_NAME.matcher(name).matches()) {
        r.diags().report(Code.INVALID_ENV_NAME, f.valuePos("name"), f.path("name"), CatalogParam.envName(name));
      }
      Pos first = seen.putIfAbsent(name, f.valuePos("name"));
      if (first != null) {
        r.diags().report(Code.DUPLICATE_KEY, f.valuePos("name"), f.path("name"), name, first.line());
        continue;
      }
      // `default: ""` is a real (empty) default; only a missing `default` makes it required.
      String def = f.written("default") ? nullToEmpty(f.string("default")) : null;
      out.add(new CatalogParam(name, f.string("description"), def, f.valuePos("name")));
    }
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
