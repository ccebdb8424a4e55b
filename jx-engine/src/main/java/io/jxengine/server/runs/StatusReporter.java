package io.jxengine.server.runs;

import io.jxengine.activity.Status;
import io.jxengine.scm.CommitStatus;
import io.jxengine.scm.GitProvider;
import io.jxengine.server.ProviderFactory;
import io.jxengine.server.repos.Repository;
import io.jxengine.server.repos.RepositoryStore;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a run's commit status on its repository's provider. A provider that fails (down, token
 * revoked) never fails the run: the error is logged and returned for the activity's message.
 */
final class StatusReporter {
  private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

  private final RepositoryStore repositories;
  private final ProviderFactory providers;
  private final Supplier<String> serverUrl;

  StatusReporter(
      RepositoryStore repositories, ProviderFactory providers, Supplier<String> serverUrl) {
    this.repositories = repositories;
    this.providers = providers;
    this.serverUrl = serverUrl;
  }

  /** Reports; returns the provider's error as a sentence, or empty when it worked or was moot. */
  Optional<String> report(
      long activityId, QueuedRun run, CommitStatus.State state, String description) {
    if (run.repositoryId() == 0) {
      return Optional.empty();
    }
    try {
      Optional<Repository> repo = repositories.get(run.repositoryId());
      Optional<GitProvider> provider = repo.flatMap(providers::forRepository);
      if (provider.isEmpty()) {
        return Optional.empty();
      }
      provider.get().setCommitStatus(
          repo.get().ref(), run.checkoutSha(),
          new CommitStatus(
              state, run.statusContext(), description, serverUrl.get() + "/runs/" + activityId));
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("activity {}: cannot set the {} commit status: {}", activityId, state, e.toString());
      return Optional.of("cannot set the commit status (" + state + "): " + e.getMessage());
    }
  }

  static CommitStatus.State stateOf(Status status) {
    return switch (status) {
      case Succeeded -> CommitStatus.State.SUCCESS;
      case Failed, TimedOut -> CommitStatus.State.FAILURE;
      case Pending, Running, WaitingForApproval -> CommitStatus.State.PENDING;
      default -> CommitStatus.State.ERROR;
    };
  }

  static String describe(Status status) {
    return switch (status) {
      case Succeeded -> "the pipeline succeeded";
      case Failed -> "the pipeline failed";
      case TimedOut -> "the pipeline timed out";
      case Aborted, Cancelled -> "the run was stopped";
      default -> "the run ended in error";
    };
  }
}
