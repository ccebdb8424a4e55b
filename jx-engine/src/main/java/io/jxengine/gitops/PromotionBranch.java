package io.jxengine.gitops;

/**
 * The promotion's branch in a clone of the environment repository: made once (or found again on
 * a re-run) and rebuilt on the newest base when the base moved or the merge conflicted. The
 * rebuild redoes the one-line edit instead of a textual rebase, so two promotions of different
 * applications always both land. Not thread-safe.
 */
final class PromotionBranch {
  private final EnvGit git;
  private final Environment env;
  private final PromotionRequest request;
  private String head;

  PromotionBranch(EnvGit git, Environment env, PromotionRequest request) {
    this.git = git;
    this.env = env;
    this.request = request;
  }

  Environment env() {
    return env;
  }

  PromotionRequest request() {
    return request;
  }

  EnvGit git() {
    return git;
  }

  String name() {
    return request.branch();
  }

  String head() {
    return head;
  }

  /**
   * Makes the branch or finds it from an earlier run. Returns false when the base already runs the
   * version (nothing to promote).
   *
   * @throws PromotionException for an unknown application or a git failure
   */
  boolean prepare() {
    VersionEdit.Result onBase = VersionEdit.setVersion(git.dir(), request.app(), version());
    if (!onBase.changed()) {
      return false;
    }
    String existing = git.remoteTip(name());
    if (existing != null) {
      git.checkoutRemote(name());
      AppSpec app = EnvRepoReader.readApp(git.dir(), request.app(), new io.jxengine.diag.Diagnostics()).orElse(null);
      if (app != null && version().equals(app.version())) {
        head = existing; // the same promotion ran before: keep its branch (and its pull request)
        return true;
      }
    }
    // The clone is at the base's tip with the edit made: branch off here, no second fetch.
    git.branchHere(name());
    git.commitAll(request.title());
    git.push(name(), true);
    head = git.head();
    return true;
  }

  /** Remakes the branch on the newest base and force-pushes it; returns the new head. */
  String rebuild() {
    git.startBranch(name(), env.branch());
    VersionEdit.setVersion(git.dir(), request.app(), version());
    git.commitAll(request.title());
    git.push(name(), true);
    head = git.head();
    return head;
  }

  /** True when the environment's base branch carries the version now (merged by someone). */
  boolean landedOnBase() {
    git.startBranch("jxe-base-check", env.branch());
    AppSpec app = EnvRepoReader.readApp(git.dir(), request.app(), new io.jxengine.diag.Diagnostics()).orElse(null);
    boolean landed = app != null && version().equals(app.version());
    git.checkoutRemote(name());
    return landed;
  }

  /** Checks out the branch's head again after another operation moved the work tree. */
  void checkout() {
    git.checkoutRemote(name());
  }

  private String version() {
    return SemVer.normalize(request.version());
  }
}
