package io.jxengine.jenkins.api;

import java.util.List;

/**
 * Converts a declarative Jenkinsfile into native pipeline YAML for pipeline jobs. The real one
 * is the Jenkins bridge's converter ({@code io.jxengine.jenkins.convert}); tests may pass their
 * own. Implementations are stateless and thread-safe, and never execute the script.
 */
@FunctionalInterface
interface Jenkinsfiles {
  /**
   * @param errors each a {@code file:line:col: code message} line; when not empty the YAML is
   *     null and the job cannot build
   */
  record Converted(String pipelineYaml, List<String> errors, List<String> warnings) {
    public Converted {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }
  }

  Converted convert(String text, String fileName);

  /** Refuses every Jenkinsfile: for builds before a converter is on the class path. */
  Jenkinsfiles UNAVAILABLE = (text, fileName) -> new Converted(null,
      List.of(fileName + ": the Jenkinsfile converter is not available in this build"), List.of());
}
