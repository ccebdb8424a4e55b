package io.jxengine.gitops;

import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.Status;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.GitProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Promotes a version of an application into an environment: clones the environment repository,
 * changes only that application's {@code version:} in one commit on the branch {@code
 * promote/<app>-<version>}, pushes it, and then, by the environment's strategy, opens a pull
 * request through the provider and waits for it ({@link PullRequestFlow}) or, for a plain git
 * repository, merges it itself ({@link PlainGitFlow}). Each wait has the request's timeout and is
 * shown on the activity's Promote step.
 *
 * <p>Re-running a promotion reuses its branch and its open pull request. Blocking; one promotion
 * per call; safe to call from several threads (each call has its own clone).
 */
public final class Promoter {
  private final EnvironmentStore environments;
  private final ActivityStore activities;
  private final Function<Environment, GitProvider> providers;
  private final Function<Environment, CredentialsProvider> credentials;
  private final Path workRoot;
  private final Clock clock;

  /**
   * @param providers the provider client of a provider-hosted environment
   * @param credentials git credentials for an environment's clone URL (null for none)
   * @param workRoot where the temporary clones are made (each removed after its promotion)
   */
  public Promoter(EnvironmentStore environments, ActivityStore activities,
      Function<Environment, GitProvider> providers,
      Function<Environment, CredentialsProvider> credentials, Path workRoot, Clock clock) {
    this.environments = environments;
    this.activities = activities;
    this.providers = providers;
    this.credentials = credentials;
    this.workRoot = workRoot;
    this.clock = clock;
  }

  /**
   * Runs one promotion to its end.
   *
   * @throws PromotionException before anything is recorded, for a version that is not semver or
   *     an unknown environment; every later failure is a result with its reason
   */
  public PromotionResult promote(PromotionRequest request) {
    if (!SemVer.isValid(request.version())) {
      throw new PromotionException("`" + request.version() + "` is not a semantic version"
          + " (JX801): write MAJOR.MINOR.PATCH such as 1.4.2", null);
    }
    Environment env = environments.environment(request.environment()).orElseThrow(() ->
        new PromotionException("unknown environment " + request.environment() + "; known: "
            + environments.environments().stream().map(Environment::name).toList(), null));
    PromotionLog log = new PromotionLog(activities, clock, request, env.repoUrl());
    if (env.strategy() == PromotionStrategy.Never) {
      return log.finish(Status.NotExecuted, null, null, "environment " + env.name()
          + " has promotion strategy Never: " + request.app() + " is not promoted");
    }
    Path dir = null;
    try {
      Files.createDirectories(workRoot);
      dir = Files.createTempDirectory(workRoot, "promote-");
      try (EnvGit git = EnvGit.clone(env.repoUrl(), env.branch(), dir.resolve("repo"), credentials.apply(env))) {
        PromotionBranch branch = new PromotionBranch(git, env, request);
        if (!branch.prepare()) {
          return log.finish(Status.NotExecuted, null, null, request.app() + " already runs version "
              + SemVer.normalize(request.version()) + " in " + env.name());
        }
        return env.hasProvider()
            ? new PullRequestFlow(providers.apply(env), environments, branch, log, clock).run()
            : new PlainGitFlow(environments, branch, log, clock).run();
      }
    } catch (PromotionException e) {
      return log.finish(Status.Failed, null, null, e.getMessage());
    } catch (GitProviderException e) {
      return log.finish(Status.Error, null, null, "the git provider failed (HTTP " + e.status()
          + "): " + e.getMessage() + "; nothing was merged");
    } catch (IOException e) {
      return log.finish(Status.Error, null, null, "cannot make a working directory: " + e.getMessage());
    } finally {
      if (dir != null) {
        io.jxengine.engine.FileTrees.deleteQuietly(dir);
      }
    }
  }

}
