package io.jxengine.server.trigger;

import io.jxengine.compile.Glob;
import io.jxengine.model.Triggers;
import java.util.List;

/**
 * Whether a pipeline's {@code triggers:} take an event. Pure and thread-safe.
 *
 * <p>No {@code triggers:} block at all means every push and every pull request. With a block, a
 * kind it does not declare ({@code push:} or {@code pull_request:}) does not run. Within {@code
 * push:}, as in GitHub Actions: declaring only {@code branches} leaves tags out and declaring only
 * {@code tags} leaves branches out; declaring neither takes both. Path filters apply to branch
 * pushes and pull requests, not to tags. Unknown changed paths (null) pass path filters.
 */
public final class TriggerFilter {
  private TriggerFilter() {}

  /**
   * Whether a newer push to a pull request stops this pipeline's builds of older commits: yes,
   * unless its {@code triggers.pull_request.cancel_superseded} is false. A pipeline that could
   * not be read (null) is cancelled, since nothing says otherwise.
   */
  public static boolean cancelsSuperseded(io.jxengine.model.Pipeline pipeline) {
    return pipeline == null
        || pipeline.triggers() == null
        || pipeline.triggers().pullRequest() == null
        || pipeline.triggers().pullRequest().cancelSuperseded();
  }

  /** A push of {@code branch} (or of {@code tag} when branch is null). */
  public static boolean push(Triggers t, String branch, String tag, List<String> changedPaths) {
    if (t == null) {
      return true;
    }
    Triggers.Push p = t.push();
    if (p == null) {
      return false;
    }
    boolean noRefFilter = p.branches().isEmpty() && p.tags().isEmpty();
    if (tag != null) {
      return noRefFilter || Glob.anyMatch(p.tags(), tag);
    }
    if (!noRefFilter && !Glob.anyMatch(p.branches(), branch)) {
      return false;
    }
    return paths(p.paths(), p.ignorePaths(), changedPaths);
  }

  /** A pull request into {@code baseBranch} that changes {@code changedPaths}. */
  public static boolean pullRequest(Triggers t, String baseBranch, List<String> changedPaths) {
    if (t == null) {
      return true;
    }
    Triggers.PullRequest pr = t.pullRequest();
    if (pr == null) {
      return false;
    }
    if (!pr.branches().isEmpty() && !Glob.anyMatch(pr.branches(), baseBranch)) {
      return false;
    }
    return paths(pr.paths(), pr.ignorePaths(), changedPaths);
  }

  /**
   * {@code paths}: some changed path matches. {@code ignore_paths}: not when every changed path is
   * ignored. Both: some changed path that is not ignored matches {@code paths}.
   */
  static boolean paths(List<String> paths, List<String> ignore, List<String> changed) {
    if (changed == null || (paths.isEmpty() && ignore.isEmpty())) {
      return true;
    }
    List<String> kept = changed.stream().filter(p -> !Glob.anyMatch(ignore, p)).toList();
    if (!ignore.isEmpty() && !changed.isEmpty() && kept.isEmpty()) {
      return false;
    }
    return paths.isEmpty() || kept.stream().anyMatch(p -> Glob.anyMatch(paths, p));
  }

  /** True when the pipeline declares {@code command} (whitespace-normalised) under {@code comment:}. */
  public static boolean comment(Triggers t, String command) {
    if (t == null || command == null) {
      return false;
    }
    String wanted = normalise(command);
    return t.comments().stream().anyMatch(c -> normalise(c).equals(wanted));
  }

  static String normalise(String command) {
    return command.trim().replaceAll("\\s+", " ");
  }
}
