package io.jxengine.gitops;

import java.util.List;
import java.util.Optional;

/**
 * The registered environments, what runs in them, and approvals of promotions waiting for a
 * person. The embedded implementation is a set of tables in the engine's SQLite file.
 *
 * <p>Thread-safe; every method commits before it returns. Failures of the store are {@link
 * io.jxengine.activity.StoreException}s.
 */
public interface EnvironmentStore extends AutoCloseable {
  /** Registers a new environment; false when one of that name exists already (nothing changed). */
  boolean register(Environment environment);

  Optional<Environment> environment(String name);

  /** Every environment, by name. */
  List<Environment> environments();

  /** Records that {@code version} of {@code app} now runs in {@code environment}. */
  void recordDeployment(Deployment deployment);

  /** Forgets an application removed from an environment. */
  void removeDeployment(String app, String environment);

  /** Every deployment, by application then environment. */
  List<Deployment> deployments();

  /** Records {@code jxe promote --approve}; repeated approvals keep the first. */
  void approve(String environment, String app, String version, String approver);

  /** Who approved the promotion, if anyone. */
  Optional<String> approver(String environment, String app, String version);

  @Override
  void close();
}
