package io.jxengine.jenkins.controller;

import io.jxengine.activity.ActivityStore;
import io.jxengine.compile.Glob;
import io.jxengine.jenkins.controller.JenkinsModel.Job;
import io.jxengine.logs.LogStore;
import io.jxengine.logs.SecretValueMasker;
import io.jxengine.secrets.SecretProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Imports the builds of configured controllers ({@link BuildImporter}). Errors are data: a
 * controller that cannot be reached, refuses the token or answers nonsense gives one line in its
 * {@link Result} and the next controller is synced all the same; a job that fails gives a line
 * and the controller's other jobs are synced. Used by {@code jxe jenkins sync} and the server's
 * periodic sync. Not thread-safe: one sync at a time.
 */
public final class ControllerSync {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What one controller's sync did; {@code errors} are one line each. */
  public record Result(
      String controller, int jobs, int created, int updated, int unchanged, List<String> errors) {
    public Result {
      errors = List.copyOf(errors);
    }

    public boolean ok() {
      return errors.isEmpty();
    }

    /** {@code ci: 12 jobs, 3 new builds, 1 updated, 40 already imported}. */
    public String summary() {
      return controller + ": " + jobs + " jobs, " + created + " new builds, " + updated
          + " updated, " + unchanged + " already imported"
          + (errors.isEmpty() ? "" : ", " + errors.size() + " errors");
    }
  }

  private final ActivityStore store;
  private final LogStore logs;
  private final SecretProvider secrets;

  public ControllerSync(ActivityStore store, LogStore logs, SecretProvider secrets) {
    this.store = store;
    this.logs = logs;
    this.secrets = secrets;
  }

  /** Syncs every controller of the configuration, or only {@code only} when it is not null. */
  public List<Result> syncAll(ControllersFile.Config config, String only) {
    List<Result> results = new ArrayList<>();
    for (Controller c : config.controllers()) {
      if (only == null || only.equals(c.name())) {
        results.add(sync(c, config.maxBuilds()));
      }
    }
    return results;
  }

  public Result sync(Controller controller, int maxBuilds) {
    List<String> errors = new ArrayList<>();
    BuildImporter.Counts total = new BuildImporter.Counts(0, 0, 0);
    int jobCount = 0;
    try {
      String token = token(secrets, controller);
      JenkinsClient client = JenkinsClient.connect(controller, token, TIMEOUT);
      BuildImporter importer =
          new BuildImporter(store, logs, new SecretValueMasker(List.of(token)));
      for (Job job : client.jobs()) {
        if (!controller.jobs().isEmpty() && !Glob.anyMatch(controller.jobs(), job.fullName())) {
          continue;
        }
        jobCount++;
        try {
          total = total.plus(importer.importJob(client, job, maxBuilds));
        } catch (JenkinsException | IllegalArgumentException e) {
          errors.add("job " + job.fullName() + ": " + e.getMessage());
        }
      }
    } catch (JenkinsException e) {
      errors.add(e.getMessage());
    }
    return new Result(controller.name(), jobCount, total.created(), total.updated(),
        total.unchanged(), errors);
  }

  /**
   * The controller's API token from its secret.
   *
   * @throws JenkinsException naming the secret and how to set it, when it is not configured
   */
  public static String token(SecretProvider secrets, Controller c) {
    Optional<String> token = secrets.lookup(c.secretName(), c.secretKey());
    return token.filter(t -> !t.isBlank()).orElseThrow(() -> new JenkinsException(
        "controller " + c.name() + ": the token secret " + c.tokenSecret() + " is not set (add"
            + " it to $JXE_HOME/secrets.yaml as " + c.secretName() + ": {" + c.secretKey()
            + ": ...} or set " + SecretProvider.envVarFor(c.secretName(), c.secretKey()) + ")",
        0));
  }
}
