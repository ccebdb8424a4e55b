package io.jxengine.jenkins.convert;

/**
 * The shell step that stands for Jenkins' {@code junit}: it finds the report files matching the
 * Ant-style pattern and prints a summary line ({@code junit: N tests, F failures, ...}) into the
 * step's log, which the activity keeps. Like Jenkins, failing tests do not fail the step (Jenkins
 * marks the build unstable, which the engine does not have); finding no report does, unless
 * {@code allowEmptyResults}.
 */
final class JunitScript {
  private JunitScript() {}

  static String script(String antPattern, boolean allowEmpty) {
    StringBuilder casePattern = new StringBuilder();
    for (String p : antPattern.split(",")) {
      String glob = p.strip().replace("**/", "*").replace("**", "*");
      if (!glob.isEmpty()) {
        casePattern.append(casePattern.length() == 0 ? "" : "|").append("./")
            .append(glob.replaceAll("([^A-Za-z0-9*?/._-])", "\\\\$1"));
      }
    }
    return String.join("\n",
        "files=0; tests=0; failures=0; errors=0; skipped=0",
        "count() { grep -o \"$1\" \"$2\" | wc -l; }",
        "for f in $(find . -type f -name '*.xml' | sort); do",
        "  case \"$f\" in " + casePattern + ") ;; *) continue ;; esac",
        "  files=$((files + 1))",
        "  tests=$((tests + $(count '<testcase' \"$f\")))",
        "  failures=$((failures + $(count '<failure' \"$f\")))",
        "  errors=$((errors + $(count '<error' \"$f\")))",
        "  skipped=$((skipped + $(count '<skipped' \"$f\")))",
        "done",
        "echo \"junit: $tests tests, $failures failures, $errors errors, $skipped skipped in $files report files\"",
        allowEmpty ? "exit 0" : "[ \"$files\" -gt 0 ] || { echo 'junit: no test report matches " + antPattern.replace("'", "") + "' >&2; exit 1; }");
  }
}
