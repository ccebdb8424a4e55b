package io.jxengine.compile;

import io.jxengine.model.EnvVar;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.model.Triggers;
import io.jxengine.model.When;
import io.jxengine.parse.GoDuration;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes an effective pipeline (catalog {@code uses:} expanded, step names filled in) in the
 * native syntax, keys in the order of {@link io.jxengine.parse.Keys}. Parsing the output gives
 * the same effective pipeline back; {@code uses} provenance is not written, since a step with
 * both {@code run} and {@code uses} would not parse. Stateless and thread-safe.
 */
public final class EffectiveYaml {
  private EffectiveYaml() {}

  public static String write(Pipeline effective) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(120);
    options.setSplitLines(false);
    StringWriter out = new StringWriter();
    new Yaml(options).serialize(pipeline(effective), out);
    return out.toString();
  }

  private static Node pipeline(Pipeline p) {
    Map m = new Map();
    m.put("name", str(p.name()));
    m.put("image", str(p.image()));
    m.put("env", env(p.env()));
    m.put("secrets", secrets(p.secrets()));
    if (p.timeout() != null || p.concurrency() != null) {
      Map o = new Map();
      o.put("timeout", duration(p.timeout()));
      o.put("concurrency", p.concurrency() == null ? null : integer(p.concurrency()));
      m.put("options", o.node());
    }
    m.put("triggers", triggers(p.triggers()));
    m.put("stages", new SequenceNode(Tag.SEQ, p.stages().stream().map(EffectiveYaml::stage).toList(), DumperOptions.FlowStyle.BLOCK));
    if (!p.finallyStages().isEmpty()) {
      m.put("finally", seq(p.finallyStages().stream().map(EffectiveYaml::stage).toList()));
    }
    m.put("post", post(p.post()));
    return m.node();
  }

  private static Node stage(Stage s) {
    Map m = new Map();
    m.put("name", str(s.name()));
    if (s.needs() != null) {
      m.put("needs", flow(s.needs().stream().map(n -> n.name()).toList()));
    }
    m.put("image", str(s.image()));
    m.put("env", env(s.env()));
    m.put("secrets", secrets(s.secrets()));
    m.put("when", when(s.when()));
    m.put("timeout", duration(s.timeout()));
    m.put("steps", seq(s.steps().stream().map(EffectiveYaml::step).toList()));
    m.put("post", post(s.post()));
    return m.node();
  }

  private static Node step(Step s) {
    Map m = new Map();
    m.put("name", str(s.name()));
    m.put("run", str(s.run()));
    if (s.run() == null && s.uses() != null) {
      // a source pipeline not expanded yet (a converted Jenkinsfile): its catalog reference
      m.put("uses", str(s.uses().ref()));
      if (!s.uses().with().isEmpty()) {
        Map with = new Map();
        new java.util.TreeMap<>(s.uses().with()).forEach((k, v) -> with.put(k, str(v)));
        m.put("with", with.node());
      }
    }
    if (s.isApproval()) {
      m.put("approval", approval(s.approval()));
    }
    m.put("image", str(s.image()));
    m.put("dir", str(s.dir()));
    m.put("env", env(s.env()));
    m.put("timeout", duration(s.timeout()));
    if (s.retries() > 0) {
      m.put("retries", integer(s.retries()));
    }
    if (s.privileged()) {
      m.put("privileged", new ScalarNode(Tag.BOOL, "true", null, null, DumperOptions.ScalarStyle.PLAIN));
    }
    if (!s.volumes().isEmpty()) {
      m.put("volumes", seq(s.volumes().stream().map(EffectiveYaml::volume).toList()));
    }
    return m.node();
  }

  private static Node approval(io.jxengine.model.Approval a) {
    Map m = new Map();
    m.put("message", str(a.message()));
    m.put("ok", str(a.ok()));
    if (!a.submitters().isEmpty()) {
      m.put("submitters", seq(a.submitters().stream().map(EffectiveYaml::str).toList()));
    }
    m.put("timeout", duration(a.timeout()));
    return m.node();
  }

  private static Node volume(io.jxengine.model.Volume v) {
    Map m = new Map();
    m.put("secret", str(v.secret()));
    m.put("hostPath", str(v.hostPath()));
    m.put("path", str(v.path()));
    return m.node();
  }

  private static Node post(Post p) {
    if (p == null || p.isEmpty()) {
      return null;
    }
    Map m = new Map();
    m.put("always", steps(p.always()));
    m.put("success", steps(p.success()));
    m.put("failure", steps(p.failure()));
    return m.node();
  }

  private static Node steps(List<Step> steps) {
    return steps.isEmpty() ? null : seq(steps.stream().map(EffectiveYaml::step).toList());
  }

  private static Node when(When w) {
    if (w == null) {
      return null;
    }
    Map m = new Map();
    m.put("branch", flowOrNull(w.branches()));
    m.put("tag", flowOrNull(w.tags()));
    m.put("event", flowOrNull(w.events()));
    m.put("paths", flowOrNull(w.paths()));
    if (w.cluster() != null) {
      m.put("cluster", new ScalarNode(Tag.BOOL, w.cluster().toString(), null, null,
          DumperOptions.ScalarStyle.PLAIN));
    }
    m.put("env", flowOrNull(w.env()));
    return m.node();
  }

  private static Node triggers(Triggers t) {
    if (t == null) {
      return null;
    }
    Map m = new Map();
    if (t.push() != null) {
      Map push = new Map();
      push.put("branches", flowOrNull(t.push().branches()));
      push.put("tags", flowOrNull(t.push().tags()));
      push.put("paths", flowOrNull(t.push().paths()));
      push.put("ignore_paths", flowOrNull(t.push().ignorePaths()));
      m.put("push", push.node());
    }
    if (t.pullRequest() != null) {
      Map pr = new Map();
      pr.put("branches", flowOrNull(t.pullRequest().branches()));
      pr.put("paths", flowOrNull(t.pullRequest().paths()));
      pr.put("ignore_paths", flowOrNull(t.pullRequest().ignorePaths()));
      if (!t.pullRequest().cancelSuperseded()) {
        pr.put("cancel_superseded",
            new ScalarNode(Tag.BOOL, "false", null, null, DumperOptions.ScalarStyle.PLAIN));
      }
      m.put("pull_request", pr.node());
    }
    m.put("comment", flowOrNull(t.comments()));
    if (!t.cron().isEmpty()) {
      List<Node> items = new ArrayList<>();
      for (Triggers.Cron c : t.cron()) {
        Map cm = new Map();
        cm.put("schedule", str(c.schedule()));
        cm.put("branch", str(c.branch()));
        items.add(cm.node());
      }
      m.put("cron", seq(items));
    }
    return m.node();
  }

  private static Node env(List<EnvVar> env) {
    if (env.isEmpty()) {
      return null;
    }
    Map m = new Map();
    env.forEach(e -> m.put(e.name(), str(e.value())));
    return m.node();
  }

  private static Node secrets(List<SecretRef> secrets) {
    if (secrets.isEmpty()) {
      return null;
    }
    List<Node> items = new ArrayList<>();
    for (SecretRef s : secrets) {
      Map m = new Map();
      m.put("env", str(s.env()));
      m.put("secret", str(s.secret()));
      m.put("key", str(s.key()));
      items.add(m.node());
    }
    return seq(items);
  }

  private static Node str(String s) {
    if (s == null) {
      return null;
    }
    DumperOptions.ScalarStyle style =
        s.contains("\n") ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.PLAIN;
    return new ScalarNode(Tag.STR, s, null, null, style);
  }

  private static Node integer(int i) {
    return new ScalarNode(Tag.INT, Integer.toString(i), null, null, DumperOptions.ScalarStyle.PLAIN);
  }

  private static Node duration(Duration d) {
    return d == null ? null : str(GoDuration.format(d));
  }

  private static Node seq(List<Node> items) {
    return new SequenceNode(Tag.SEQ, items, DumperOptions.FlowStyle.BLOCK);
  }

  private static Node flow(List<String> items) {
    return new SequenceNode(Tag.SEQ, items.stream().map(EffectiveYaml::str).toList(), DumperOptions.FlowStyle.FLOW);
  }

  private static Node flowOrNull(List<String> items) {
    return items.isEmpty() ? null : flow(items);
  }

  /** A mapping under construction that skips absent (null) values. */
  private static final class Map {
    private final List<NodeTuple> tuples = new ArrayList<>();

    void put(String key, Node value) {
      if (value != null) {
        tuples.add(new NodeTuple(str(key), value));
      }
    }

    Node node() {
      return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
    }
  }
}
