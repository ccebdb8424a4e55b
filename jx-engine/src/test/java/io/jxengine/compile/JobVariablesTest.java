package io.jxengine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jxengine.engine.RunContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobVariablesTest {
  static final List<String> DOCUMENTED = List.of("REPO_OWNER", "REPO_NAME", "BRANCH_NAME",
      "PULL_NUMBER", "PULL_BASE_REF", "PULL_BASE_SHA", "PULL_PULL_SHA", "BUILD_ID", "BUILD_NUMBER",
      "JOB_NAME", "JOB_TYPE", "VERSION", "JX_PIPELINE", "JX_EVENT", "JX_GIT_URL", "JX_COMMIT_SHA",
      "JX_COMMIT_MESSAGE", "JX_AUTHOR", "JX_PULL_TITLE", "JX_TAG", "WORKSPACE");

  @Test
  void aPushHasEveryDocumentedVariable() {
    var vars = JobVariables.of(TestPipelines.context("main"), "release", 3, Path.of("/w/s/../ws"));
    assertThat(vars).containsOnlyKeys(DOCUMENTED);
    assertThat(vars)
        .containsEntry("BRANCH_NAME", "main")
        .containsEntry("PULL_NUMBER", "")
        .containsEntry("PULL_BASE_REF", "main")
        .containsEntry("PULL_BASE_SHA", "abc123")
        .containsEntry("BUILD_ID", "3")
        .containsEntry("JOB_NAME", "release")
        .containsEntry("JOB_TYPE", "postsubmit")
        .containsEntry("JX_TAG", "")
        .containsEntry("WORKSPACE", "/w/ws");
  }

  @Test
  void aPullRequestLooksLikeJenkinsX() {
    var ctx = new RunContext("acme", "widget", "feature/x", null, "pull_request", "u", "headsha",
        "m", "a", 42, "Add $(evil)", "main", "basesha", "0.0.1-PR-42", "presubmit", null);
    var vars = JobVariables.of(ctx, "pr", 1, Path.of("/ws"));
    assertThat(vars)
        .containsEntry("BRANCH_NAME", "PR-42")
        .containsEntry("PULL_NUMBER", "42")
        .containsEntry("PULL_BASE_REF", "main")
        .containsEntry("PULL_BASE_SHA", "basesha")
        .containsEntry("PULL_PULL_SHA", "headsha")
        .containsEntry("JX_PULL_TITLE", "Add $(evil)");
  }
}
