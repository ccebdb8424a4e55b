package io.jxengine.jenkins.convert;

import io.jxengine.model.Pos;
import io.jxengine.model.Uses;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Jenkins' {@code junit} becomes: the catalog step {@code uses: junit} (docs/pipeline-syntax.md),
 * which records the reports on the activity. {@code allowEmptyResults: true} is {@code allow_empty};
 * {@code skipMarkingBuildUnstable: true} is {@code allow_failures}. Otherwise failing tests fail
 * the step, and so the run: the engine has no UNSTABLE, and Failed is the PipelineActivity status
 * that keeps "not green" visible. A stage whose {@code when} is tested by its steps cannot guard
 * a catalog step, so there the same command runs as a shell step ({@link #run}).
 */
final class JunitScript {
  static final String CATALOG_STEP = "junit";

  private JunitScript() {}

  static Uses uses(String antPattern, boolean allowEmpty, boolean allowFailures, Pos pos) {
    Map<String, String> with = new LinkedHashMap<>();
    with.put("paths", antPattern);
    if (allowEmpty) {
      with.put("allow_empty", "true");
    }
    if (allowFailures) {
      with.put("allow_failures", "true");
    }
    Map<String, Pos> withPos = new LinkedHashMap<>();
    with.keySet().forEach(k -> withPos.put(k, pos));
    return new Uses(CATALOG_STEP, with, pos, withPos);
  }

  /** The shell command equivalent to {@code uses}, for steps that need a script. */
  static String run(Uses uses) {
    StringBuilder b = new StringBuilder("jxe step junit --paths ").append(quote(uses.with().get("paths")));
    if ("true".equals(uses.with().get("allow_empty"))) {
      b.append(" --allow-empty");
    }
    if ("true".equals(uses.with().get("allow_failures"))) {
      b.append(" --allow-failures");
    }
    return b.toString();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
