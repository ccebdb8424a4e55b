package io.jxengine.compile;

import io.jxengine.engine.RunContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Jenkins X job variables every step sees (see {@code docs/pipeline-syntax.md}). Unknown values
 * are empty strings, never absent, so scripts under {@code sh -u} behave the same everywhere.
 * {@code JX_STAGE} and {@code JX_STEP} are per step and added by {@link LocalCompiler}.
 *
 * <p>As in Jenkins X (Prow): {@code BRANCH_NAME} is {@code PR-<n>} for a pull request;
 * {@code PULL_BASE_REF}/{@code PULL_BASE_SHA} are the built branch and commit for a push;
 * {@code PULL_PULL_SHA} is the pull request's head commit; {@code JOB_NAME} is the pipeline name.
 */
public final class JobVariables {
  private JobVariables() {}

  public static Map<String, String> of(
      RunContext ctx, String pipeline, int build, Path workspace) {
    boolean pr = ctx.pullNumber() != null;
    Map<String, String> v = new LinkedHashMap<>();
    v.put("REPO_OWNER", s(ctx.owner()));
    v.put("REPO_NAME", s(ctx.repo()));
    v.put("BRANCH_NAME", pr ? "PR-" + ctx.pullNumber() : s(ctx.branch()));
    v.put("PULL_NUMBER", pr ? String.valueOf(ctx.pullNumber()) : "");
    v.put("PULL_BASE_REF", ctx.baseRef() != null ? ctx.baseRef() : pr ? "" : s(ctx.branch()));
    v.put("PULL_BASE_SHA", ctx.baseSha() != null ? ctx.baseSha() : pr ? "" : s(ctx.commitSha()));
    v.put("PULL_PULL_SHA", pr ? s(ctx.commitSha()) : "");
    v.put("BUILD_ID", String.valueOf(build));
    v.put("BUILD_NUMBER", String.valueOf(build));
    v.put("JOB_NAME", s(pipeline));
    v.put("JOB_TYPE", s(ctx.jobType()));
    v.put("VERSION", s(ctx.version()));
    v.put("JX_PIPELINE", s(pipeline));
    v.put("JX_EVENT", s(ctx.event()));
    v.put("JX_GIT_URL", s(ctx.gitUrl()));
    v.put("JX_COMMIT_SHA", s(ctx.commitSha()));
    v.put("JX_COMMIT_MESSAGE", s(ctx.commitMessage()));
    v.put("JX_AUTHOR", s(ctx.author()));
    v.put("JX_PULL_TITLE", s(ctx.pullTitle()));
    v.put("JX_TAG", s(ctx.tag()));
    v.put("WORKSPACE", workspace.toAbsolutePath().normalize().toString());
    return v;
  }

  private static String s(String value) {
    return value == null ? "" : value;
  }
}
