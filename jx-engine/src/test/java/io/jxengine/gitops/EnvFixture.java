package io.jxengine.gitops;

import io.jxengine.activity.Activity;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.ProviderKind;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteEnvironmentStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Real environment repositories for tests: bare repositories made from the real template by
 * {@link EnvRepoCreator}, real SQLite stores, and helpers to commit into an environment and read
 * its main branch back.
 */
final class EnvFixture implements AutoCloseable {
  static final Path TEMPLATE = Path.of("..", "gitops-repo-template", "template");
  static final String WEB_APP = "chart: web\nrepository: https://charts.example.com\n"
      + "# the version jxe promote edits\nversion: 0.1.0 # first release\n";

  final Path root;
  final SqliteEnvironmentStore environments;
  final SqliteActivityStore activities;
  private int clones;

  EnvFixture(Path root) {
    this.root = root;
    this.environments = SqliteEnvironmentStore.open(root.resolve("jxe.db"));
    this.activities = SqliteActivityStore.open(root.resolve("jxe.db"));
  }

  /** A plain git environment with one chart application {@code web} at 0.1.0. */
  Environment environment(String name, PromotionStrategy strategy) {
    Environment env = new EnvRepoCreator(environments, TEMPLATE, root.resolve("work"), Clock.systemUTC())
        .create(new EnvRepoCreator.Request(name, strategy, "jx-" + name, "", root.resolve(name + ".git").toString(),
            ProviderKind.GIT, null, null, null, null, "main"), null, null);
    commit(env, Map.of("apps/web.yaml", WEB_APP), "add web");
    return env;
  }

  /** The same repository registered again as hosted on a provider (its API is a stand-in). */
  Environment onProvider(Environment plain, String name, PromotionStrategy strategy, ProviderKind kind, String apiUrl) {
    Environment env = new Environment(name, plain.namespace(), strategy, "", plain.repoUrl(), kind, "acme",
        "env-" + name, apiUrl, null, "main", null);
    environments.register(env);
    return environments.environment(name).orElseThrow();
  }

  void commit(Environment env, Map<String, String> files, String message) {
    Path dir = root.resolve("clone-" + (++clones));
    try (Git git = Git.cloneRepository().setURI(env.repoUrl()).setDirectory(dir.toFile()).call()) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = dir.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
      }
      git.add().addFilepattern(".").call();
      git.commit().setMessage(message).setAuthor(EnvGit.ENGINE).setCommitter(EnvGit.ENGINE).call();
      git.push().call();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file of the environment's main branch, freshly cloned. */
  String onMain(Environment env, String path) {
    Path dir = root.resolve("clone-" + (++clones));
    try (Git git = Git.cloneRepository().setURI(env.repoUrl()).setBranch(env.branch()).setDirectory(dir.toFile()).call()) {
      return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The commit count of main, to show nothing was merged. */
  int commitsOnMain(Environment env) {
    Path dir = root.resolve("clone-" + (++clones));
    try (Git git = Git.cloneRepository().setURI(env.repoUrl()).setDirectory(dir.toFile()).call()) {
      int n = 0;
      for (var ignored : git.log().call()) {
        n++;
      }
      return n;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  Promoter promoter(GitProvider provider) {
    return new Promoter(environments, activities, e -> provider, e -> null, root.resolve("work"), Clock.systemUTC());
  }

  static PromotionRequest request(String app, String version, String env, Duration timeout) {
    return new PromotionRequest(app, version, env, timeout, Duration.ofMillis(20));
  }

  Activity activity(PromotionResult result) {
    return activities.get(result.activityId()).orElseThrow();
  }

  @Override
  public void close() {
    environments.close();
    activities.close();
  }
}
