package io.jxengine.diag;

/**
 * Stable diagnostic codes. The id never changes once released; tests assert on it, never on the
 * English message, which lives in {@code io/jxengine/diag/messages.properties}.
 */
public enum Code {
  // the file as a whole
  FILE_NOT_FOUND("JX001", Severity.ERROR),
  FILE_TOO_LARGE("JX002", Severity.ERROR),
  YAML_SYNTAX("JX003", Severity.ERROR),
  DUPLICATE_KEY("JX004", Severity.ERROR),
  EMPTY_DOCUMENT("JX005", Severity.ERROR),
  // shape of the document
  UNKNOWN_KEY("JX101", Severity.ERROR),
  WRONG_TYPE("JX102", Severity.ERROR),
  MISSING_FIELD("JX103", Severity.ERROR),
  STEP_NEEDS_RUN_OR_USES("JX104", Severity.ERROR),
  CONFLICTING_FIELDS("JX105", Severity.ERROR),
  INVALID_VALUE("JX106", Severity.ERROR),
  INVALID_DURATION("JX107", Severity.ERROR),
  INVALID_GLOB("JX108", Severity.ERROR),
  INVALID_CRON("JX109", Severity.ERROR),
  INVALID_ENV_NAME("JX110", Severity.ERROR),
  INVALID_NUMBER("JX111", Severity.ERROR),
  INVALID_DIR("JX112", Severity.ERROR),
  // meaning of the pipeline
  DUPLICATE_STAGE("JX201", Severity.ERROR),
  DUPLICATE_STEP("JX202", Severity.ERROR),
  UNKNOWN_NEEDS("JX203", Severity.ERROR),
  DEPENDENCY_CYCLE("JX204", Severity.ERROR),
  INVALID_NAME("JX205", Severity.ERROR),
  EMPTY_STAGE("JX206", Severity.ERROR),
  RESERVED_ENV("JX207", Severity.WARNING),
  NO_STAGES("JX208", Severity.ERROR),
  DUPLICATE_SECRET_ENV("JX209", Severity.ERROR),
  APPROVAL_IN_POST("JX210", Severity.ERROR),
  // catalog references
  UNKNOWN_USES("JX301", Severity.ERROR),
  UNKNOWN_PARAM("JX302", Severity.ERROR),
  MISSING_PARAM("JX303", Severity.ERROR),
  BAD_CATALOG_ENTRY("JX304", Severity.ERROR),
  USES_KIND_MISMATCH("JX305", Severity.ERROR),
  // running
  SECRET_NOT_FOUND("JX401", Severity.ERROR),
  PIPELINE_NOT_FOUND("JX402", Severity.ERROR),
  WORKSPACE_FAILED("JX403", Severity.ERROR),
  NEEDS_CLUSTER("JX404", Severity.ERROR),
  SECRET_WITHHELD("JX405", Severity.ERROR),
  // compiling for a cluster
  PRIVILEGED_REFUSED("JX501", Severity.ERROR),
  HOST_PATH_REFUSED("JX502", Severity.ERROR),
  STAGE_SKIPPED("JX503", Severity.INFO),
  APPROVAL_ON_CLUSTER("JX504", Severity.ERROR),
  // converting a Jenkinsfile (jenkins-plugin)
  GROOVY_SYNTAX("JX601", Severity.ERROR),
  SCRIPTED_PIPELINE("JX602", Severity.WARNING),
  NO_JENKINS_PIPELINE("JX603", Severity.ERROR),
  UNSUPPORTED_STEP("JX604", Severity.ERROR),
  UNSUPPORTED_DIRECTIVE("JX605", Severity.ERROR),
  UNSUPPORTED_EXPRESSION("JX606", Severity.ERROR),
  APPROXIMATED("JX607", Severity.WARNING),
  NOT_NEEDED("JX608", Severity.INFO),
  RENAMED("JX609", Severity.INFO),
  INPUT_GATE("JX610", Severity.WARNING),
  BAD_ARGUMENT("JX611", Severity.ERROR),
  // environment repositories (GitOps)
  VERSION_NOT_SEMVER("JX801", Severity.ERROR),
  APP_WITHOUT_SOURCE("JX802", Severity.ERROR),
  MANIFEST_INVALID("JX803", Severity.ERROR),
  // test reports (`uses: junit`, jxe step junit)
  TEST_REPORT_MALFORMED("JX901", Severity.ERROR),
  TEST_REPORT_MISSING("JX902", Severity.ERROR),
  TEST_REPORT_REFUSED("JX903", Severity.ERROR),
  TESTS_FAILED("JX904", Severity.ERROR);

  private final String id;
  private final Severity defaultSeverity;

  Code(String id, Severity defaultSeverity) {
    this.id = id;
    this.defaultSeverity = defaultSeverity;
  }

  public String id() {
    return id;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
