package io.jxengine.cli;

import io.jxengine.gitops.EnvRepoCreator;
import io.jxengine.gitops.Environment;
import io.jxengine.gitops.PromotionException;
import io.jxengine.gitops.PromotionStrategy;
import io.jxengine.scm.ProviderKind;
import io.jxengine.source.GitUrls;
import io.jxengine.store.SqliteEnvironmentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates an environment repository from the template and registers the environment.",
      "A local path that does not exist becomes a bare repository; on GitHub or GitLab the"
          + " repository is created through the API (an existing one must be empty)."
    })
final class EnvCreateCommand implements Callable<Integer> {
  /** Where ./jxe says the template is; without it, the source tree's copy below the working directory. */
  static final String TEMPLATE_PROPERTY = "jxe.gitops.template";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The environment's name, such as staging.")
  String name;

  @Option(names = "--strategy", required = true, paramLabel = "Auto|Manual|Never", description = "How promotions merge.")
  PromotionStrategy strategy;

  @Option(names = "--repo", required = true, paramLabel = "URL|PATH", description = "The repository to create.")
  String repo;

  @Option(names = "--namespace", paramLabel = "NS", description = "The namespace to apply into (default jx-NAME).")
  String namespace;

  @Option(names = "--cluster", paramLabel = "CONTEXT", description = "The kubeconfig context (default: current).")
  String cluster = "";

  @Option(names = "--provider", paramLabel = "KIND", description = "github, gitlab or git (default: git for a path).")
  ProviderKind provider;

  @Option(names = "--api-url", paramLabel = "URL", description = "The provider's API base URL.")
  String apiUrl;

  @Option(names = "--token-secret", paramLabel = "SECRET/KEY", description = "Local secret holding the provider API token.")
  String tokenSecret;

  @Option(names = "--branch", paramLabel = "BRANCH", description = "The environment's branch (default main).")
  String branch = "main";

  @Option(names = "--template", paramLabel = "DIR", description = "The template directory (default: gitops-repo-template/template).")
  Path template;

  @Override
  public Integer call() {
    ProviderKind kind = provider != null ? provider : repo.contains("://") ? null : ProviderKind.GIT;
    if (kind == null) {
      throw new UserException("--provider is needed for the URL " + repo + " (github, gitlab or git)", ExitCodes.USAGE);
    }
    if (kind != ProviderKind.GIT && (apiUrl == null || tokenSecret == null)) {
      throw new UserException("--api-url and --token-secret are needed for a " + kind + " environment", ExitCodes.USAGE);
    }
    GitUrls.OwnerRepo names = kind == ProviderKind.GIT ? null : GitUrls.parse(repo);
    try (EngineContext engine = new EngineContext();
        SqliteEnvironmentStore envs = SqliteEnvironmentStore.open(engine.home().database())) {
      EnvRepoCreator creator = new EnvRepoCreator(envs, templateDir(), engine.home().root().resolve("gitops"), Clock.systemUTC());
      EnvRepoCreator.Request request = new EnvRepoCreator.Request(name, strategy,
          namespace != null ? namespace : "jx-" + name, cluster, repo, kind,
          names == null ? null : names.owner(), names == null ? null : names.repo(), apiUrl, tokenSecret, branch);
      Environment env;
      try {
        Environment draft = new Environment(name, request.namespace(), strategy, cluster, repo, kind,
            request.owner(), request.repoName(), apiUrl, tokenSecret, branch, null);
        GitOpsAccess access = new GitOpsAccess(engine);
        env = creator.create(request, kind == ProviderKind.GIT ? null : access.provider(draft),
            access.credentials(draft));
      } catch (PromotionException e) {
        throw new UserException(e.getMessage());
      }
      spec.commandLine().getOut().printf("Created environment %s (strategy %s, namespace %s) in %s%n",
          env.name(), env.strategy(), env.namespace(), env.repoUrl());
      return ExitCodes.OK;
    }
  }

  private Path templateDir() {
    if (template != null) {
      return template;
    }
    String property = System.getProperty(TEMPLATE_PROPERTY);
    return property != null ? Path.of(property) : Path.of("gitops-repo-template", "template");
  }
}
