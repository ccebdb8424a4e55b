package io.jxengine.jenkins.convert;

import io.jxengine.model.Pipeline;
import io.jxengine.parse.ParseResult;
import io.jxengine.parse.PipelineSourceFormat;
import java.util.List;

/**
 * Lets the engine run repositories that have a {@code Jenkinsfile} and no
 * {@code .jx/pipeline.yaml}: {@code jxe run}, {@code jxe lint} and the server's planner read it
 * through {@link JenkinsfileConverter}. Registered in
 * {@code META-INF/services/io.jxengine.parse.PipelineSourceFormat}. Stateless and thread-safe.
 */
public final class JenkinsfileFormat implements PipelineSourceFormat {
  private final JenkinsfileConverter converter = new JenkinsfileConverter();

  @Override
  public String name() {
    return JenkinsfileConverter.SOURCE;
  }

  @Override
  public List<String> fileNames() {
    return List.of("Jenkinsfile");
  }

  @Override
  public ParseResult parse(String text, String displayPath, String defaultName) {
    ConvertResult r = converter.convert(text, displayPath);
    Pipeline p = r.pipeline();
    if (p != null && !p.name().equals(defaultName)) {
      p = new Pipeline(defaultName, p.file(), p.source(), p.image(), p.env(), p.secrets(), p.triggers(),
          p.timeout(), p.concurrency(), p.stages(), p.finallyStages(), p.post(), p.pos());
    }
    return new ParseResult(p, r.diagnostics());
  }
}
