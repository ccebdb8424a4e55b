package io.jxengine.server.repos;

import io.jxengine.scm.ProviderKind;
import io.jxengine.source.GitUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Registers a repository ({@code jxe import}): works out its provider and owner/repo, generates
 * its webhook secret, saves it, and for a bare repository on this machine installs the
 * post-receive hook that notifies the engine. Re-importing updates the registration and keeps
 * the webhook secret, so hooks configured at the provider keep working.
 *
 * <p>Errors: a user's mistake (not a repository, an invalid name, a foreign hook without
 * {@code force}) is an {@link ImportException} and nothing is saved.
 */
public final class RepositoryImporter {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RepositoryStore store;
  private final PostReceiveHook hook;
  private final Path jxeHome;

  public RepositoryImporter(RepositoryStore store, PostReceiveHook hook, Path jxeHome) {
    this.store = store;
    this.hook = hook;
    this.jxeHome = jxeHome;
  }

  /**
   * What to import.
   *
   * @param target a git URL or a local path
   * @param provider the provider, or null to guess from the URL
   * @param fullName {@code owner/repo}, or null to take it from the URL
   * @param pollInterval how often to poll, or null for none
   * @param serverUrl the engine's URL baked into a local hook, or null to read server.url
   * @param force keep (chain) a post-receive hook that is not ours instead of refusing
   */
  public record Request(
      String target,
      ProviderKind provider,
      String fullName,
      String apiUrl,
      String tokenSecret,
      List<String> trustedUsers,
      String defaultBranch,
      Duration pollInterval,
      String serverUrl,
      boolean force,
      Path cwd) {
    public Request {
      trustedUsers = trustedUsers == null ? List.of() : List.copyOf(trustedUsers);
    }
  }

  /**
   * What was done.
   *
   * @param created false when an existing registration was updated
   * @param hook the installed hook, or null when the repository is not a local bare one
   * @param chained the foreign hook now run first, or null
   * @param serverUrl the engine URL known now (flag or server.url), or null
   */
  public record Result(
      Repository repository, boolean created, Path hook, Path chained, String serverUrl) {
    /** Where a provider should send webhooks, with a placeholder when no server URL is known. */
    public String webhookUrl() {
      return (serverUrl == null ? "<server url>" : serverUrl) + "/hook";
    }
  }

  public Result importRepository(Request request) throws IOException {
    ImportTarget target = ImportTarget.of(request.target(), request.cwd());
    boolean bare = false;
    String cloneUrl = request.target().trim();
    String headBranch = null;
    if (target.isLocal()) {
      Path dir = target.localPath();
      Optional<String> isBare =
          Files.isDirectory(dir) ? GitCli.ask(dir, "rev-parse", "--is-bare-repository") : Optional.empty();
      if (isBare.isEmpty()) {
        throw new ImportException(dir + " is not a git repository");
      }
      bare = isBare.get().equals("true");
      cloneUrl = dir.toString();
      headBranch = GitCli.ask(dir, "symbolic-ref", "--short", "HEAD").orElse(null);
    }
    ProviderKind provider =
        request.provider() != null ? request.provider() : target.guessProvider();
    String[] ownerRepo = ownerRepo(request, target);
    RepoNames.problem(ownerRepo[0], ownerRepo[1])
        .ifPresent(
            p -> {
              throw new ImportException(p);
            });
    String apiUrl =
        request.apiUrl() != null ? request.apiUrl() : target.defaultApiUrl(provider);
    String branch =
        request.defaultBranch() != null
            ? request.defaultBranch()
            : headBranch != null && !headBranch.isEmpty() ? headBranch : "main";
    boolean exists = store.find(provider, ownerRepo[0], ownerRepo[1]).isPresent();
    Repository saved =
        store.save(
            new Repository(
                0,
                provider,
                ownerRepo[0],
                ownerRepo[1],
                cloneUrl,
                apiUrl,
                request.tokenSecret(),
                exists ? null : newSecret(),
                branch,
                request.trustedUsers(),
                bare ? target.localPath().toString() : null,
                request.pollInterval(),
                Instant.EPOCH));
    String serverUrl =
        request.serverUrl() != null
            ? ServerAddress.normalize(request.serverUrl())
            : ServerAddress.read(jxeHome).orElse(null);
    if (!bare) {
      return new Result(saved, !exists, null, null, serverUrl);
    }
    Path hooksDir = hooksDir(target.localPath());
    PostReceiveHook.Installed installed;
    try {
      installed =
          hook.install(
              hooksDir,
              saved.id(),
              saved.webhookSecret(),
              request.serverUrl(),
              ServerAddress.file(jxeHome),
              request.force());
    } catch (ImportException e) {
      if (!exists) {
        store.remove(saved.id());
      }
      throw e;
    }
    return new Result(saved, !exists, installed.hook(), installed.chained(), serverUrl);
  }

  private static String[] ownerRepo(Request request, ImportTarget target) {
    if (request.fullName() != null) {
      return RepoNames.split(request.fullName())
          .orElseThrow(
              () -> new ImportException("--name must be owner/repo, not '" + request.fullName() + "'"));
    }
    GitUrls.OwnerRepo parsed =
        GitUrls.parse(target.isLocal() ? target.localPath().toString() : request.target());
    if (parsed == null) {
      throw new ImportException(
          "cannot tell owner/repo from '" + request.target() + "'; pass --name owner/repo");
    }
    return new String[] {parsed.owner(), parsed.repo()};
  }

  /** The hooks directory git uses for the repository ({@code core.hooksPath} included). */
  private static Path hooksDir(Path repo) {
    return GitCli.ask(repo, "rev-parse", "--git-path", "hooks")
        .map(repo::resolve)
        .orElse(repo.resolve("hooks"))
        .normalize();
  }

  /** 32 random bytes as hex: the webhook secret (GitHub signs with it; the hook sends it). */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
