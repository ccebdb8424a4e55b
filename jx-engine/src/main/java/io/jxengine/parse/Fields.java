package io.jxengine.parse;

import io.jxengine.model.Pos;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The checked keys of one YAML mapping (duplicates and unknown keys already reported), with
 * typed getters that report wrong types through the file's {@link NodeReader}.
 */
public final class Fields {
  private final NodeReader reader;
  private final String field;
  private final Pos pos;
  private final Map<String, NodeTuple> entries;

  Fields(NodeReader reader, String field, Pos pos, Map<String, NodeTuple> entries) {
    this.reader = reader;
    this.field = field;
    this.pos = pos;
    this.entries = entries;
  }

  /** Where the mapping starts. */
  public Pos pos() {
    return pos;
  }

  /** The mapping's own field path, such as {@code stages[0]}. */
  public String field() {
    return field;
  }

  /** True when {@code key} is written with a non-empty value. */
  public boolean has(String key) {
    return entries.containsKey(key) && !NodeReader.isNull(entries.get(key).getValueNode());
  }

  /** True when {@code key} is written at all, even as {@code key:} with no value. */
  public boolean written(String key) {
    return entries.containsKey(key);
  }

  public Node node(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getValueNode();
  }

  /** Where {@code key} is written, or the mapping's start when it is not. */
  public Pos keyPos(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? pos : reader.pos(t.getKeyNode());
  }

  /** Where {@code key}'s value is written, or the mapping's start when it is not. */
  public Pos valuePos(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? pos : reader.pos(t.getValueNode());
  }

  public String path(String key) {
    return NodeReader.path(field, key);
  }

  public String string(String key) {
    return reader.string(node(key), path(key));
  }

  public Boolean bool(String key) {
    return reader.bool(node(key), path(key));
  }

  public Integer integer(String key) {
    return reader.integer(node(key), path(key));
  }

  public java.time.Duration duration(String key) {
    return reader.duration(node(key), path(key));
  }

  public java.util.List<String> strings(String key) {
    return reader.strings(node(key), path(key));
  }

  public java.util.List<io.jxengine.model.EnvVar> env(String key) {
    return reader.env(node(key), path(key));
  }
}
