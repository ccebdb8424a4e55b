package io.jxengine.gitops;

import io.jxengine.engine.RunContext;
import io.jxengine.secrets.SecretProvider;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine's cluster credentials as the reserved secret {@value #SECRET} (key {@value #KEY}):
 * the text of the kubeconfig the engine itself uses, so that an environment repository's own
 * pipeline can apply it on merge ({@code secrets: [{env: JXE_KUBECONFIG_DATA, secret:
 * jxe-cluster, key: kubeconfig}]}; {@code jxe env apply} reads that variable).
 *
 * <p>It is given to a run only when the run is a push (never a pull request, a tag, a comment or a
 * cron run) to the branch of a registered environment's repository: a pull request, even one from
 * the repository's own branch, could change the pipeline to print it. The other runs that get it
 * are pull-request builds of repositories that are not environments, for their previews
 * ({@code jxe preview create}), as in Jenkins X, where the pull-request pipeline's service account
 * deploys the preview; those pull requests are trusted ones (untrusted authors run nothing until
 * {@code /ok-to-test}, forks get no secrets at all). Any other run that asks for
 * it gets JX405 with the reason; the secret name is reserved, so another repository cannot supply
 * it through the local secrets either. Forks never get here (their runs get no secrets at all). The
 * value is masked in logs like every secret value (each line of it too).
 *
 * <p>Thread-safe when the suppliers are; they are called only when a run asks for the secret.
 */
public final class ClusterCredentials implements SecretProvider {
  public static final String SECRET = "jxe-cluster";
  public static final String KEY = "kubeconfig";
  /** The variable {@code jxe env apply} (and every jxe Kubernetes client) reads a kubeconfig from. */
  public static final String ENV = io.jxengine.kube.apply.KubeClients.KUBECONFIG_DATA;

  /** The events of a pull request's build: opened or pushed, or re-run by a comment command. */
  private static final java.util.Set<String> PULL_REQUEST_EVENTS = java.util.Set.of("pull_request", "comment");

  private final SecretProvider base;
  private final RunContext run;
  private final Supplier<List<Environment>> environments;
  private final Supplier<Optional<String>> kubeconfig;

  private ClusterCredentials(SecretProvider base, RunContext run,
      Supplier<List<Environment>> environments, Supplier<Optional<String>> kubeconfig) {
    this.base = base;
    this.run = run;
    this.environments = environments;
    this.kubeconfig = kubeconfig;
  }

  /**
   * The secrets each run sees: {@code base}, plus the cluster credentials for the runs that may
   * have them.
   *
   * @param environments the registered environments (read only when a run asks)
   * @param kubeconfig the engine's kubeconfig text, empty when it has none (read only when given)
   */
  public static Function<RunContext, SecretProvider> scoped(SecretProvider base,
      Supplier<List<Environment>> environments, Supplier<Optional<String>> kubeconfig) {
    return ctx -> new ClusterCredentials(base, ctx, environments, kubeconfig);
  }

  @Override
  public Optional<String> lookup(String name, String key) {
    if (!SECRET.equals(name)) {
      return base.lookup(name, key);
    }
    return refusal(key).isPresent() ? Optional.empty() : kubeconfig.get();
  }

  @Override
  public Optional<String> withheld(String name, String key) {
    if (!SECRET.equals(name)) {
      return base.withheld(name, key);
    }
    return refusal(key);
  }

  /** Why this run does not get {@code key} of the cluster secret, or empty when it does. */
  private Optional<String> refusal(String key) {
    if (!KEY.equals(key)) {
      return Optional.of("the secret " + SECRET + " has only the key " + KEY);
    }
    if (run == null) {
      return Optional.of("only a push or a pull request gets the cluster credentials, this run is unknown");
    }
    Optional<Environment> env = environmentOf(run, environments.get());
    if (run.pullNumber() != null && env.isEmpty() && PULL_REQUEST_EVENTS.contains(run.event())) {
      // An application's pull-request build deploys its preview (preview-envs). Forks never
      // reach this point: their runs get no secrets at all.
      return kubeconfig.get().isEmpty()
          ? Optional.of("the engine has no kubeconfig (KUBECONFIG or ~/.kube/config)")
          : Optional.empty();
    }
    if (!"push".equals(run.event()) || run.pullNumber() != null || run.tag() != null) {
      return Optional.of(env.isPresent()
          ? "a " + run.event() + " run of environment " + env.get().name()
              + "'s repository does not get the cluster credentials (it could change the pipeline"
              + " to print them); the push after the merge does"
          : "only a push or a pull request gets the cluster credentials, this run is " + run.event());
    }
    if (env.isEmpty()) {
      return Optional.of(run.owner() + "/" + run.repo() + " is not the repository of a registered environment");
    }
    if (!env.get().branch().equals(run.branch())) {
      return Optional.of("only pushes to " + env.get().branch() + " of environment " + env.get().name()
          + " get them, this is " + run.branch());
    }
    if (kubeconfig.get().isEmpty()) {
      return Optional.of("the engine has no kubeconfig (KUBECONFIG or ~/.kube/config)");
    }
    return Optional.empty();
  }

  /** The environment whose repository the run is about, if any. */
  static Optional<Environment> environmentOf(RunContext run, List<Environment> environments) {
    return EnvironmentMatch.of(environments, run.owner(), run.repo(), run.gitUrl());
  }
}
