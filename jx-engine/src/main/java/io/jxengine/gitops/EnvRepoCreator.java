package io.jxengine.gitops;

import io.jxengine.scm.ProviderKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.CredentialsProvider;

/**
 * Makes an environment repository from the template ({@code gitops-repo-template/template}) and
 * registers the environment. A local path that does not exist yet becomes a bare repository; a
 * URL must name an existing, empty repository (created on the provider beforehand). The
 * template's {@code ${ENV_*}} placeholders are filled in, committed once and pushed to the
 * environment's branch. Blocking; failures are {@link PromotionException}s with a one-line reason.
 */
public final class EnvRepoCreator {
  private static final int MAX_TEMPLATE_FILES = 200;

  private final EnvironmentStore environments;
  private final Path template;
  private final Path workRoot;
  private final Clock clock;

  public EnvRepoCreator(EnvironmentStore environments, Path template, Path workRoot, Clock clock) {
    this.environments = environments;
    this.template = template;
    this.workRoot = workRoot;
    this.clock = clock;
  }

  /**
   * What to create.
   *
   * @param repo a local path or a clone URL
   * @param provider GIT for a plain repository; otherwise the host of {@code repo}
   */
  public record Request(String name, PromotionStrategy strategy, String namespace, String cluster,
      String repo, ProviderKind provider, String owner, String repoName, String apiUrl,
      String tokenSecret, String branch) {}

  /**
   * @param provider the provider's API for a hosted repository (it is created there first; one
   *     that exists already is used if it is empty), or null for a plain git repository
   */
  public Environment create(Request r, io.jxengine.scm.GitProvider provider, CredentialsProvider credentials) {
    if (!EnvRepoReader.NAME.matcher(r.name()).matches()) {
      throw new PromotionException("environment name `" + r.name() + "` must be a lower-case DNS label", null);
    }
    if (!EnvRepoReader.NAME.matcher(r.namespace()).matches()) {
      throw new PromotionException("namespace `" + r.namespace() + "` must be a lower-case DNS label", null);
    }
    if (environments.environment(r.name()).isPresent()) {
      throw new PromotionException("environment " + r.name() + " exists already", null);
    }
    if (!Files.isDirectory(template)) {
      throw new PromotionException("the environment template " + template + " is missing", null);
    }
    String url = r.repo();
    if (r.provider() == ProviderKind.GIT && !url.contains("://")) {
      url = initBare(Path.of(url)).toString();
    } else if (provider != null) {
      url = createOnProvider(provider, r);
    }
    Path dir = null;
    try {
      Files.createDirectories(workRoot);
      dir = Files.createTempDirectory(workRoot, "env-create-");
      try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(r.branch()).call()) {
        copyTemplate(dir, Map.of("${ENV_NAME}", r.name(), "${ENV_NAMESPACE}", r.namespace(),
            "${ENV_STRATEGY}", r.strategy().name(), "${ENV_CLUSTER}", r.cluster() == null ? "" : r.cluster()));
        git.add().addFilepattern(".").call();
        git.commit().setMessage("chore: create environment " + r.name() + " from the jx-engine template")
            .setAuthor(EnvGit.ENGINE).setCommitter(EnvGit.ENGINE).call();
        git.remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(url)).call();
        var results = git.push().setRemote("origin").setCredentialsProvider(credentials)
            .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/" + r.branch())).call();
        for (var result : results) {
          for (var update : result.getRemoteUpdates()) {
            if (update.getStatus() != org.eclipse.jgit.transport.RemoteRefUpdate.Status.OK) {
              throw new PromotionException("cannot push the new environment to " + url + ": "
                  + update.getStatus() + " (the repository must be empty)", null);
            }
          }
        }
      }
    } catch (GitAPIException | IOException | java.net.URISyntaxException e) {
      throw new PromotionException("cannot create the environment repository " + url + ": " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        io.jxengine.engine.FileTrees.deleteQuietly(dir);
      }
    }
    Environment env = new Environment(r.name(), r.namespace(), r.strategy(),
        r.cluster() == null ? "" : r.cluster(), url, r.provider(), r.owner(), r.repoName(), r.apiUrl(),
        r.tokenSecret(), r.branch(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    if (!environments.register(env)) {
      throw new PromotionException("environment " + r.name() + " exists already", null);
    }
    return env;
  }

  private static String createOnProvider(io.jxengine.scm.GitProvider provider, Request r) {
    io.jxengine.scm.RepoRef ref = new io.jxengine.scm.RepoRef(r.provider(), r.owner(), r.repoName());
    try {
      return provider.createRepository(ref, true);
    } catch (io.jxengine.scm.GitProviderException e) {
      if (e.status() == 422 || e.status() == 400) {
        return r.repo(); // it exists: the push below succeeds only if it is empty
      }
      throw new PromotionException("cannot create " + ref.fullName() + " on " + r.provider()
          + " (HTTP " + e.status() + "): " + e.getMessage(), e);
    }
  }

  private static Path initBare(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    try {
      if (Files.exists(abs) && (!Files.isDirectory(abs) || hasEntries(abs))) {
        throw new PromotionException(abs + " exists and is not empty: pass a new path or an empty repository", null);
      }
      Git.init().setBare(true).setDirectory(abs.toFile()).setInitialBranch("main").call().close();
      return abs;
    } catch (GitAPIException | IOException e) {
      throw new PromotionException("cannot create the bare repository " + abs + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  private void copyTemplate(Path target, Map<String, String> values) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(template)) {
      files = walk.filter(Files::isRegularFile).limit(MAX_TEMPLATE_FILES).toList();
    }
    for (Path file : files) {
      Path to = target.resolve(template.relativize(file).toString());
      Files.createDirectories(to.getParent());
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Map.Entry<String, String> v : values.entrySet()) {
        text = text.replace(v.getKey(), v.getValue());
      }
      Files.writeString(to, text, StandardCharsets.UTF_8);
    }
  }

}
