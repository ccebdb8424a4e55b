package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.EnvVar;
import io.jxengine.model.Pos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed access to SnakeYAML nodes for one file. Every mismatch is reported to the collector and
 * answered with null (or an empty value), so the caller just carries on and every mistake of
 * the file is found in one pass. Not thread-safe: one per file.
 */
public final class NodeReader {
  private final String file;
  private final Diagnostics diags;

  public NodeReader(String file, Diagnostics diags) {
    this.file = file;
    this.diags = diags;
  }

  public String file() {
    return file;
  }

  public Diagnostics diags() {
    return diags;
  }

  /** The 1-based position where {@code node} starts. */
  public Pos pos(Node node) {
    Mark m = node == null ? null : node.getStartMark();
    return m == null ? Pos.fileStart(file) : Pos.of(file, m.getLine() + 1, m.getColumn() + 1);
  }

  /** A path below {@code parent}: {@code stages[0]} + {@code steps} = {@code stages[0].steps}. */
  public static String path(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /**
   * The keys of a mapping, reporting duplicates (JX004, first one wins) and keys not in
   * {@code allowed} (JX101). Null when {@code node} is not a mapping (reported as JX102).
   */
  public Fields fields(Node node, String field, String what, List<String> allowed) {
    if (!(node instanceof MappingNode map)) {
      wrongType(node, field, "a mapping");
      return null;
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
        wrongType(t.getKeyNode(), field, "a mapping with plain keys");
        continue;
      }
      String key = keyNode.getValue();
      NodeTuple first = entries.get(key);
      if (first != null) {
        diags.report(
            Code.DUPLICATE_KEY, pos(keyNode), path(field, key), key, pos(first.getKeyNode()).line());
      } else if (!allowed.contains(key)) {
        diags.reportWithHint(
            Code.UNKNOWN_KEY, pos(keyNode), path(field, key), Suggest.hint(key, allowed), key, what);
      } else {
        entries.put(key, t);
      }
    }
    return new Fields(this, field, pos(node), entries);
  }

  /** A scalar as text; null for an empty value or (reported) a list or mapping. */
  public String string(Node node, String field) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    wrongType(node, field, "a string");
    return null;
  }

  /** A whole number; null when empty or (reported) anything else. */
  public Integer integer(Node node, String field) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
      try {
        return Integer.valueOf(s.getValue().replace("_", ""));
      } catch (NumberFormatException e) {
        // hex, octal and out-of-range forms are not worth supporting in a pipeline file
      }
    }
    wrongType(node, field, "a whole number");
    return null;
  }

  /** A YAML boolean; null when empty or (reported) anything else. */
  public Boolean bool(Node node, String field) {
    if (isNull(node)) {
      return null;
    }
    if (node instanceof ScalarNode s && Tag.BOOL.equals(s.getTag())) {
      return Boolean.valueOf(s.getValue().toLowerCase(java.util.Locale.ROOT));
    }
    wrongType(node, field, "true or false");
    return null;
  }

  /** A Go-style duration ({@code 90s}, {@code 1h30m}); null when empty or invalid (JX107). */
  public Duration duration(Node node, String field) {
    if (!isNull(node) && !(node instanceof ScalarNode)) {
      wrongType(node, field, "a duration such as `10m`");
      return null;
    }
    String text = string(node, field);
    if (text == null) {
      return null;
    }
    Optional<Duration> d = GoDuration.parse(text);
    if (d.isEmpty()) {
      diags.report(Code.INVALID_DURATION, pos(node), field, text);
      return null;
    }
    return d.get();
  }

  /** A list of scalars; empty when the value is empty or (reported) not a list of scalars. */
  public List<String> strings(Node node, String field) {
    List<String> out = new ArrayList<>();
    for (Item item : items(node, field, "a list of strings")) {
      String s = string(item.node(), item.field());
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The items of a list with their paths; empty when empty or (reported) not a list. */
  public List<Item> items(Node node, String field, String expected) {
    if (isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      wrongType(node, field, expected);
      return List.of();
    }
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      out.add(new Item(i, field + "[" + i + "]", seq.getValue().get(i)));
    }
    return out;
  }

  /**
   * An {@code env:} mapping. Numbers and booleans are kept as written ({@code 8080},
   * {@code true}); an empty value becomes the empty string.
   */
  public List<EnvVar> env(Node node, String field) {
    if (isNull(node)) {
      return List.of();
    }
    return stringMap(node, field, "a mapping of names to strings").entrySet().stream()
        .map(e -> new EnvVar(e.getKey(), e.getValue().value(), e.getValue().pos()))
        .toList();
  }

  /** A mapping of plain keys to scalar values (the position is the key's). */
  public Map<String, Located> stringMap(Node node, String field, String expected) {
    Map<String, Located> out = new LinkedHashMap<>();
    if (isNull(node)) {
      return out;
    }
    if (!(node instanceof MappingNode map)) {
      wrongType(node, field, expected);
      return out;
    }
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
        wrongType(t.getKeyNode(), field, expected);
        continue;
      }
      String key = keyNode.getValue();
      String itemField = path(field, key);
      if (out.containsKey(key)) {
        diags.report(
            Code.DUPLICATE_KEY, pos(keyNode), itemField, key, out.get(key).pos().line());
        continue;
      }
      Node value = t.getValueNode();
      if (isNull(value)) {
        out.put(key, new Located("", pos(keyNode)));
      } else if (value instanceof ScalarNode s) {
        out.put(key, new Located(s.getValue(), pos(keyNode)));
      } else {
        wrongType(value, itemField, "a string");
      }
    }
    return out;
  }

  /** Reports JX102: {@code field} must be {@code expected}, not what {@code node} is. */
  public void wrongType(Node node, String field, String expected) {
    diags.report(Code.WRONG_TYPE, pos(node), field, lastSegment(field), expected, describe(node));
  }

  static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
  }

  static String describe(Node node) {
    if (isNull(node)) {
      return "empty";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag tag = node.getTag();
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      return "a number";
    }
    if (Tag.BOOL.equals(tag)) {
      return "a boolean";
    }
    return "a string";
  }

  private static String lastSegment(String field) {
    if (field.isEmpty()) {
      return "the document";
    }
    int dot = field.lastIndexOf('.');
    return dot < 0 ? field : field.substring(dot + 1);
  }

  /** One item of a list: its index, its field path and its node. */
  public record Item(int index, String field, Node node) {}

  /** A scalar value and where its key was written. */
  public record Located(String value, Pos pos) {}
}
