package io.jxengine.cli;

import io.jxengine.activity.ActivityStore;
import io.jxengine.backend.local.LocalBackend;
import io.jxengine.engine.JxeHome;
import io.jxengine.engine.RunService;
import io.jxengine.gitops.ClusterCredentials;
import io.jxengine.gitops.Environment;
import io.jxengine.kube.apply.KubeClients;
import io.jxengine.logs.FileLogStore;
import io.jxengine.logs.LogStore;
import io.jxengine.secrets.LocalSecretProvider;
import io.jxengine.secrets.SecretProvider;
import io.jxengine.store.StoreDb;
import io.jxengine.server.repos.RepositoryStore;
import io.jxengine.server.repos.SqliteRepositoryStore;
import io.jxengine.store.SqliteActivityStore;
import io.jxengine.store.SqliteApprovalStore;
import io.jxengine.store.SqliteEnvironmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the commands share, created lazily so that {@code jxe lint} never opens the database.
 * Opening the store first marks runs whose engine process died as such.
 */
final class EngineContext implements AutoCloseable {
  private final JxeHome home;
  private ActivityStore store;
  private boolean ownsStore = true;
  private StoreDb repoDb;
  private RepositoryStore repositories;

  EngineContext() {
    this.home = JxeHome.fromEnvironment(System.getenv());
  }

  /**
   * With activities kept elsewhere (the cluster): {@link #store} is {@code store}, not the SQLite
   * file; repositories and logs stay in {@code $JXE_HOME}. The caller closes {@code store}.
   */
  EngineContext(ActivityStore store) {
    this();
    try {
      home.ensureExists();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + home.root(), e);
    }
    this.store = store;
    this.ownsStore = false;
  }

  JxeHome home() {
    return home;
  }

  ActivityStore store() {
    if (store == null) {
      try {
        home.ensureExists();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + home.root(), e);
      }
      store = SqliteActivityStore.open(home.database());
      store.recoverOrphans();
    }
    return store;
  }

  /** The registered repositories, on the same SQLite file (opened after the activity store). */
  RepositoryStore repositories() {
    if (repositories == null) {
      store();
      repoDb = StoreDb.open(home.database());
      repositories = new SqliteRepositoryStore(repoDb);
    }
    return repositories;
  }

  LogStore logs() {
    return new FileLogStore(home.logs());
  }

  /** Local secrets: the environment, then {@code $JXE_HOME/secrets.yaml}, then extra files. */
  SecretProvider secrets(List<Path> extraSecretFiles) {
    List<Path> files = new ArrayList<>();
    files.add(home.secretsFile());
    files.addAll(extraSecretFiles);
    return new LocalSecretProvider(files, System.getenv());
  }

  /** The repository's own mirror handle is owned by the caller; one per server. */
  StoreDb repoDb() {
    repositories();
    return repoDb;
  }

  /**
   * Runs on this machine. Besides the local secrets, a push to the branch of a registered
   * environment's repository gets this process's kubeconfig as the secret {@code jxe-cluster}
   * ({@link ClusterCredentials}).
   */
  RunService runService(List<Path> extraSecretFiles) {
    Path userHome = Path.of(System.getProperty("user.home", "."));
    return new RunService(
        store(), logs(), new LocalBackend(home.scripts()),
        ClusterCredentials.scoped(secrets(extraSecretFiles), this::environments,
            () -> KubeClients.kubeconfigText(System.getenv(), userHome)),
        home, () -> SqliteApprovalStore.open(home.database()));
  }

  /** The registered environments, read from a connection of its own (only when a run asks). */
  private List<Environment> environments() {
    try (SqliteEnvironmentStore envs = SqliteEnvironmentStore.open(home.database())) {
      return envs.environments();
    }
  }

  @Override
  public void close() {
    if (repoDb != null) {
      repoDb.close();
    }
    if (store != null && ownsStore) {
      store.close();
    }
  }
}
