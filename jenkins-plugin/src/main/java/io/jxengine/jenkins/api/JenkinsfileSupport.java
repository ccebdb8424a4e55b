package io.jxengine.jenkins.api;

import io.jxengine.compile.EffectiveYaml;
import io.jxengine.diag.Diagnostic;
import io.jxengine.jenkins.convert.ConvertResult;
import io.jxengine.jenkins.convert.JenkinsfileConverter;

/**
 * The Jenkinsfile converter pipeline jobs use: the bridge's {@link JenkinsfileConverter} (Groovy
 * parsed to its syntax tree, never run), its pipeline written as native YAML. A file with any
 * error diagnostic does not build; warnings and infos travel with the result.
 */
final class JenkinsfileSupport {
  private JenkinsfileSupport() {}

  static Jenkinsfiles converter() {
    JenkinsfileConverter converter = new JenkinsfileConverter();
    return (text, fileName) -> {
      ConvertResult r = converter.convert(text, fileName);
      boolean runnable = r.pipeline() != null && !r.hasErrors();
      return new Jenkinsfiles.Converted(
          runnable ? EffectiveYaml.write(r.pipeline()) : null,
          r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList(),
          r.diagnostics().stream().filter(d -> !d.isError()).map(Diagnostic::format).toList());
    };
  }
}
