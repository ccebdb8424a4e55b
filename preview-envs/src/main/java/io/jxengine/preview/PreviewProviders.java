package io.jxengine.preview;

import io.jxengine.engine.JxeHome;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import io.jxengine.scm.provider.GitProviders;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.SecretProviderFactory;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.repos.SqliteRepositoryStore;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the git provider API of a preview's repository: in the server, the registered repository
 * and its token; from the command line, {@code JXE_GIT_API_URL} and {@code JXE_GIT_TOKEN} when
 * set (a pipeline passes them as secrets), else the repository registered in {@code $JXE_HOME}.
 * Close it to release the {@code $JXE_HOME} database.
 */
public final class PreviewProviders implements Function<RepoRef, Optional<GitProvider>>,
    AutoCloseable {
  private final Function<RepoRef, Optional<GitProvider>> lookup;
  private final AutoCloseable resource;

  private PreviewProviders(Function<RepoRef, Optional<GitProvider>> lookup,
      AutoCloseable resource) {
    this.lookup = lookup;
    this.resource = resource;
  }

  /** The server's registered repositories and their providers. */
  public static PreviewProviders of(RepositoryStore repositories, ProviderFactory providers) {
    return new PreviewProviders(
        ref -> repositories.find(ref.provider(), ref.owner(), ref.name())
            .flatMap(providers::forRepository),
        null);
  }

  /** For commands: the environment's token first, then {@code $JXE_HOME}'s repositories. */
  public static PreviewProviders fromEnvironment(Map<String, String> env) {
    String api = env.get("JXE_GIT_API_URL");
    String token = env.get("JXE_GIT_TOKEN");
    if (api != null && !api.isBlank() && token != null && !token.isBlank()) {
      return new PreviewProviders(ref -> Optional.of(GitProviders.create(ref.provider(), api,
          token)), null);
    }
    JxeHome home = JxeHome.fromEnvironment(env);
    if (!Files.isRegularFile(home.database())) {
      return new PreviewProviders(ref -> Optional.empty(), null);
    }
    StoreDb db = StoreDb.open(home.database());
    ProviderFactory factory = new SecretProviderFactory(
        new LocalSecretProvider(List.of(home.secretsFile()), env));
    return new PreviewProviders(of(new SqliteRepositoryStore(db), factory), db);
  }

  /** The repository a preview records. */
  public static RepoRef ref(PreviewSpec spec) {
    ProviderKind kind = spec.getProvider() == null ? ProviderKind.GIT
        : ProviderKind.valueOf(spec.getProvider().toUpperCase(Locale.ROOT));
    return new RepoRef(kind, spec.getOwner(), spec.getRepository());
  }

  @Override
  public Optional<GitProvider> apply(RepoRef ref) {
    if (ref.provider() == ProviderKind.GIT || ref.provider() == ProviderKind.GITEA) {
      return Optional.empty();
    }
    return lookup.apply(ref);
  }

  @Override
  public void close() {
    if (resource != null) {
      try {
        resource.close();
      } catch (Exception e) {
        // closing a read-only use of the database cannot lose anything
      }
    }
  }
}
