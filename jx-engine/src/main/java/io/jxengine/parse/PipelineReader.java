package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.model.Pipeline;
import java.time.Duration;
import org.yaml.snakeyaml.nodes.Node;

/** Turns the root node of a {@code .jx/pipeline.yaml} into the pipeline model. */
final class PipelineReader {
  private final NodeReader r;
  private final StageReader stages;

  PipelineReader(NodeReader r) {
    this.r = r;
    this.stages = new StageReader(r);
  }

  /** Null when the root is not a mapping (reported). */
  Pipeline read(Node root, String defaultName) {
    Fields f = r.fields(root, "", "the pipeline", Keys.PIPELINE);
    if (f == null) {
      return null;
    }
    String name = f.string("name");
    Duration timeout = null;
    Integer concurrency = null;
    if (f.has("options")) {
      Fields o = r.fields(f.node("options"), f.path("options"), "`options`", Keys.OPTIONS);
      if (o != null) {
        timeout = o.duration("timeout");
        concurrency = o.integer("concurrency");
        if (concurrency != null && concurrency < 1) {
          r.diags()
              .report(Code.INVALID_NUMBER, o.valuePos("concurrency"), o.path("concurrency"), "concurrency", "1 or more");
          concurrency = null;
        }
      }
    }
    return new Pipeline(
        name != null ? name : defaultName,
        r.file(),
        "native",
        f.string("image"),
        f.env("env"),
        stages.secrets(f.node("secrets"), f.path("secrets")),
        new TriggersReader(r).read(f.node("triggers"), f.path("triggers")),
        timeout,
        concurrency,
        stages.readList(f.node("stages"), f.path("stages")),
        stages.readList(f.node("finally"), f.path("finally")),
        stages.post(f.node("post"), f.path("post")),
        f.pos());
  }
}
