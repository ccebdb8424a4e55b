package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.model.Pos;
import io.jxengine.model.Step;
import io.jxengine.model.Uses;
import io.jxengine.model.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Reads steps (and the {@code uses}/{@code with} pair shared with stages). */
public final class StepReader {
  private final NodeReader r;

  public StepReader(NodeReader r) {
    this.r = r;
  }

  /**
   * Reads a list of steps; unnamed ones are called {@code <prefix><n>} (1-based), or after the
   * catalog entry they use.
   */
  public List<Step> readList(Node node, String field, String prefix, List<String> keys) {
    List<Step> out = new ArrayList<>();
    for (NodeReader.Item item : r.items(node, field, "a list of steps")) {
      Step s = read(item.node(), item.field(), prefix + (item.index() + 1), keys);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** Reads one step; null when it is not even a mapping (reported). */
  public Step read(Node node, String field, String defaultName, List<String> keys) {
    Fields f = r.fields(node, field, "a step", keys);
    if (f == null) {
      return null;
    }
    String run = f.string("run");
    Uses uses = uses(f);
    if (f.written("approval")) {
      return ApprovalReader.read(r, f, defaultName);
    }
    if (run != null && uses != null) {
      r.diags().report(Code.CONFLICTING_FIELDS, f.keyPos("uses"), f.path("uses"), "run", "uses");
    } else if (run == null && uses == null && !f.has("run") && !f.written("uses")) {
      // a `run` of the wrong type or an empty `uses` is reported already
      r.diags().report(Code.STEP_NEEDS_RUN_OR_USES, f.pos(), field);
    }
    String dir = f.string("dir");
    ValueChecks.dir(r.diags(), dir, f.valuePos("dir"), f.path("dir"));
    Duration timeout = f.duration("timeout");
    Integer retries = f.integer("retries");
    if (retries != null && retries < 0) {
      r.diags().report(Code.INVALID_NUMBER, f.valuePos("retries"), f.path("retries"), "retries", "0 or more");
      retries = 0;
    }
    String name = f.string("name");
    if (name == null) {
      name = uses != null ? uses.ref() : defaultName;
    }
    Boolean privileged = f.bool("privileged");
    return new Step(
        name, run, f.string("image"), dir, f.env("env"), timeout, retries == null ? 0 : retries, uses,
        f.pos(), privileged != null && privileged ? f.keyPos("privileged") : null, volumes(f));
  }

  /** {@code volumes:}: each entry names exactly one source and an absolute mount path. */
  private List<Volume> volumes(Fields f) {
    List<Volume> out = new ArrayList<>();
    for (NodeReader.Item item : r.items(f.node("volumes"), f.path("volumes"), "a list of volumes")) {
      Fields v = r.fields(item.node(), item.field(), "a volume", Keys.VOLUME);
      if (v == null) {
        continue;
      }
      String secret = v.string("secret");
      String hostPath = v.string("hostPath");
      String path = v.string("path");
      if (secret != null && hostPath != null) {
        r.diags().report(Code.CONFLICTING_FIELDS, v.keyPos("hostPath"), v.path("hostPath"), "secret", "hostPath");
      } else if (secret == null && hostPath == null) {
        r.diags().report(Code.MISSING_FIELD, v.pos(), v.path("secret"), "secret", "a volume");
      }
      if (path == null) {
        r.diags().report(Code.MISSING_FIELD, v.pos(), v.path("path"), "path", "a volume");
      } else if (!path.startsWith("/")) {
        r.diags().report(Code.INVALID_VALUE, v.valuePos("path"), v.path("path"), path, "path", "an absolute path");
      }
      out.add(new Volume(secret, hostPath, path, v.pos()));
    }
    return out;
  }

  /** The {@code uses:} reference with its {@code with:} values; null when there is none. */
  Uses uses(Fields f) {
    if (f.written("with") && !f.has("uses")) {
      r.diags().report(Code.MISSING_FIELD, f.keyPos("with"), f.path("uses"), "uses", "a block with `with`");
    }
    if (f.written("uses") && !f.has("uses")) {
      r.diags().report(Code.MISSING_FIELD, f.keyPos("uses"), f.path("uses"), "uses", "its catalog entry name");
    }
    String ref = f.string("uses");
    if (ref == null) {
      return null;
    }
    Map<String, String> with = new LinkedHashMap<>();
    Map<String, Pos> withPos = new LinkedHashMap<>();
    r.stringMap(f.node("with"), f.path("with"), "a mapping of parameter names to values")
        .forEach(
            (k, v) -> {
              with.put(k, v.value());
              withPos.put(k, v.pos());
            });
    return new Uses(ref, with, f.valuePos("uses"), withPos);
  }
}
