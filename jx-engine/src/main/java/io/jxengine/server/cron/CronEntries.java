package io.jxengine.server.cron;

import io.jxengine.model.Triggers;
import io.jxengine.parse.ParseResult;
import io.jxengine.parse.PipelineLocator;
import io.jxengine.parse.PipelineParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cron triggers declared by a commit's pipeline files. A file that does not parse, or a
 * schedule that is invalid, contributes nothing: {@code jxe lint} and the run report those.
 * Pure.
 */
final class CronEntries {
  /** One schedule of one pipeline; {@code branch} null means the default branch. */
  record Entry(String pipeline, CronExpression schedule, String branch) {}

  private CronEntries() {}

  /** From path → content as {@code RepoMirror.pipelineFiles} gives them. */
  static List<Entry> read(Map<String, String> files) {
    PipelineParser parser = new PipelineParser();
    List<Entry> out = new ArrayList<>();
    for (var file : files.entrySet()) {
      String path = file.getKey();
      boolean main = !path.startsWith(".jx/pipelines/");
      String stem = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
      ParseResult parsed =
          parser.parse(file.getValue(), path, main ? PipelineLocator.DEFAULT_NAME : stem);
      if (parsed.pipeline() == null || parsed.pipeline().triggers() == null) {
        continue;
      }
      // Names as PipelineLocator gives them: the declared name for the main file, else the stem.
      String name = main ? parsed.pipeline().name() : stem;
      for (Triggers.Cron cron : parsed.pipeline().triggers().cron()) {
        Optional<CronExpression> schedule = CronExpression.parse(cron.schedule());
        String branch = cron.branch() == null || cron.branch().isBlank() ? null : cron.branch();
        schedule.ifPresent(s -> out.add(new Entry(name, s, branch)));
      }
    }
    return out;
  }
}
