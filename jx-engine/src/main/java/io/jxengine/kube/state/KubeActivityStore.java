package io.jxengine.kube.state;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.kube.crd.ActivityResources;
import io.jxengine.kube.crd.KubeLabels;
import io.jxengine.kube.crd.PipelineActivity;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Activities kept in the cluster as PipelineActivity resources in the engine's namespace, so
 * every engine replica sees one truth. Activity ids and build numbers come from
 * {@link ClusterCounters} (never repeated across replicas, possibly with gaps); a step's id is
 * {@code activityId * STEP_IDS + n}, so a step update finds its activity without a search.
 *
 * <p>Threading: thread-safe; every method has reached the API server before it returns. Writes
 * are read-change-write with the resourceVersion read, retried on 409 Conflict ({@link
 * ActivityCrs}). Errors: API failures are {@link io.jxengine.activity.StoreException}s; an id that
 * does not exist, passed to a method that changes it, is an {@link IllegalArgumentException}.
 *
 * <p>Each instance is one <em>runner</em> ({@code instance}: the pod name and a per-process
 * nonce): activities it runs carry it, and {@link #recoverOrphans} ends the unfinished ones of
 * any other runner. Only the replica that holds the leader lease may call it.
 */
public final class KubeActivityStore implements ActivityStore {
  /** Steps one activity may have; step ids are {@code activityId * STEP_IDS + n}. */
  public static final long STEP_IDS = 100_000;
  static final String ACTIVITY_IDS = "jxe-activity-ids";

  private final ActivityCrs crs;
  private final ClusterCounters counters;
  private final String instance;
  private final Clock clock;

  /**
   * @param namespace where the resources live (the engine's own namespace)
   * @param instance this runner's name, unique among running replicas and processes
   */
  public KubeActivityStore(KubernetesClient client, String namespace, String instance) {
    this(client, namespace, instance, Clock.systemUTC());
  }

  KubeActivityStore(KubernetesClient client, String namespace, String instance, Clock clock) {
    this.crs = new ActivityCrs(client, namespace);
    this.counters = new ClusterCounters(client, namespace);
    this.instance = instance;
    this.clock = clock;
  }

  /** This runner's name, as recorded on the activities it runs. */
  public String instance() {
    return instance;
  }

  @Override
  public Activity create(NewActivity n) {
    long id = counters.next(ACTIVITY_IDS, Map.of());
    int build = (int) counters.next(
        ObjectNames.of("jxe-build", n.owner(), n.repo(), n.branch()),
        Map.of("owner", n.owner(), "repo", n.repo(), "branch", n.branch()));
    Activity activity = new Activity(id, n.owner(), n.repo(), n.branch(), build, n.context(),
        Status.Pending, null, null, n.gitUrl(), n.commitSha(), n.commitMessage(), n.author(),
        n.pullTitle(), n.pullNumber(), n.baseSha(), n.version(), n.source(), n.event(), null, "",
        List.of());
    PipelineActivity resource = ActivityResources.toResource(activity);
    if (n.runnerPid() > 0) {
      ActivityCrs.annotate(resource, Labels.RUNNER, instance);
    }
    crs.create(resource, id);
    return activity;
  }

  @Override
  public StepRecord addStep(
      long activityId, Long parentId, StepKind kind, String name, int ordinal) {
    StepRecord[] added = new StepRecord[1];
    boolean found = editActivity(activityId, a -> {
      if (parentId != null && a.steps().stream().noneMatch(s -> s.id() == parentId)) {
        throw new IllegalArgumentException("no step with id " + parentId);
      }
      long n = a.steps().stream().mapToLong(s -> s.id() % STEP_IDS).max().orElse(0) + 1;
      if (n >= STEP_IDS) {
        throw new IllegalStateException("activity " + activityId + " has too many steps");
      }
      added[0] = new StepRecord(activityId * STEP_IDS + n, activityId, parentId, kind, name,
          ordinal, Status.Pending, null, null, null, 0, "");
      List<StepRecord> steps = new ArrayList<>(a.steps());
      steps.add(added[0]);
      return a.withSteps(steps);
    });
    requireFound(found, "activity", activityId);
    return added[0];
  }

  @Override
  public void updateStep(
      long stepId, Status status, Instant started, Instant completed, Integer exitCode,
      int attempts, String message) {
    boolean[] stepFound = new boolean[1];
    editActivity(stepId / STEP_IDS, a -> {
      List<StepRecord> steps = new ArrayList<>();
      for (StepRecord s : a.steps()) {
        if (s.id() == stepId) {
          stepFound[0] = true;
          s = new StepRecord(s.id(), s.activityId(), s.parentId(), s.kind(), s.name(),
              s.ordinal(), status, keep(started, s.started()), keep(completed, s.completed()),
              keep(exitCode, s.exitCode()), attempts, keep(message, s.message()));
        }
        steps.add(s);
      }
      return stepFound[0] ? a.withSteps(steps) : null;
    });
    requireFound(stepFound[0], "step", stepId);
  }

  @Override
  public void updateActivity(
      long activityId, Status status, Instant started, Instant completed, String message) {
    requireFound(editActivity(activityId, a -> ActivityEdits.withStatus(a, status,
        keep(started, a.started()), keep(completed, a.completed()),
        keep(message, a.message()))), "activity", activityId);
  }

  @Override
  public Optional<Activity> get(long activityId) {
    return crs.get(activityId).map(ActivityCrs::activity);
  }

  @Override
  public Optional<Activity> find(String owner, String repo, String branch, int build) {
    Map<String, String> labels = pipelineLabels(owner, repo, branch);
    labels.put(ActivityResources.LABEL_BUILD, Integer.toString(build));
    return crs.activities(labels, a -> a.owner().equals(owner) && a.repo().equals(repo)
        && a.branch().equals(branch) && a.build() == build).stream().findFirst();
  }

  @Override
  public List<Activity> list(ActivityFilter filter) {
    ActivityFilter f = filter == null ? ActivityFilter.all() : filter;
    List<Activity> matching = crs.activities(pipelineLabels(f.owner(), f.repo(), f.branch()),
        a -> matches(f.owner(), a.owner()) && matches(f.repo(), a.repo())
            && matches(f.branch(), a.branch()) && matches(f.status(), a.status())
            && matches(f.source(), a.source()));
    return f.limit() > 0 && matching.size() > f.limit()
        ? matching.subList(0, f.limit()) : matching;
  }

  @Override
  public void requestStop(long activityId) {
    requireFound(crs.edit(activityId, r -> {
      ActivityCrs.annotate(r, Labels.STOP_REQUESTED, "true");
      return true;
    }, false), "activity", activityId);
  }

  @Override
  public boolean isStopRequested(long activityId) {
    return crs.get(activityId)
        .map(r -> "true".equals(ActivityCrs.annotation(r, Labels.STOP_REQUESTED)))
        .orElse(false);
  }

  /**
   * Ends, as Error, the unfinished activities that another runner had started (its pod or process
   * is gone, or it lost the leader lease and stopped its runs), with their unfinished steps.
   * Queued activities that no runner claimed yet are left to be scheduled.
   */
  @Override
  public List<Activity> recoverOrphans() {
    List<Activity> recovered = new ArrayList<>();
    for (PipelineActivity r : crs.list(Map.of())) {
      String runner = ActivityCrs.annotation(r, Labels.RUNNER);
      Activity a = ActivityCrs.activity(r);
      if (runner == null || runner.equals(instance) || a.status().isTerminal()) {
        continue;
      }
      Instant now = clock.instant();
      String message = "the engine replica running this build (" + runner + ") stopped";
      editActivity(a.id(), current -> current.status().isTerminal() ? null
          : ActivityEdits.orphaned(current, now, message));
      get(a.id()).ifPresent(recovered::add);
    }
    return recovered;
  }

  /** Step processes live in the runner's pod; the cluster store keeps no PIDs. */
  @Override
  public void recordStepProcess(long stepId, long pid, long startMillis) {
    // Nothing to record: recovery in a cluster does not kill processes of another pod.
  }

  @Override
  public void close() {
    // The client belongs to whoever made this store.
  }

  /** Claims a queued activity for this runner (RunQueue). False when not Pending or claimed. */
  boolean claim(long activityId) {
    boolean[] claimed = new boolean[1];
    crs.edit(activityId, r -> {
      claimed[0] = ActivityCrs.activity(r).status() == Status.Pending
          && ActivityCrs.annotation(r, Labels.RUNNER) == null;
      if (claimed[0]) {
        ActivityCrs.annotate(r, Labels.RUNNER, instance);
      }
      return claimed[0];
    }, false);
    return claimed[0];
  }

  /** Ends a queued activity no runner claimed as Aborted (RunQueue). */
  boolean abortUnclaimed(long activityId, String message) {
    boolean[] aborted = new boolean[1];
    crs.edit(activityId, r -> {
      Activity a = ActivityCrs.activity(r);
      aborted[0] = a.status() == Status.Pending && ActivityCrs.annotation(r, Labels.RUNNER) == null;
      if (aborted[0]) {
        r.setStatus(ActivityResources.toResource(ActivityEdits.withStatus(a, Status.Aborted,
            a.started(), clock.instant(), message)).getStatus());
      }
      return aborted[0];
    }, true);
    return aborted[0];
  }

  /** Unfinished activities that a runner claimed or none yet, as the queue needs them. */
  List<PipelineActivity> resources(Map<String, String> labels) {
    return crs.list(labels);
  }

  void delete(long activityId) {
    crs.delete(activityId);
  }

  /** Rewrites an activity's status part; {@code change} returns null to write nothing. */
  private boolean editActivity(
      long activityId, java.util.function.UnaryOperator<Activity> change) {
    return crs.edit(activityId, r -> {
      Activity changed = change.apply(ActivityCrs.activity(r));
      if (changed == null) {
        return false;
      }
      r.setStatus(ActivityResources.toResource(changed).getStatus());
      return true;
    }, true);
  }

  static Map<String, String> pipelineLabels(String owner, String repo, String branch) {
    Map<String, String> labels = new HashMap<>();
    if (owner != null) {
      labels.put(ActivityResources.LABEL_OWNER, KubeLabels.value(owner));
    }
    if (repo != null) {
      labels.put(ActivityResources.LABEL_REPOSITORY, KubeLabels.value(repo));
    }
    if (branch != null) {
      labels.put(ActivityResources.LABEL_BRANCH, KubeLabels.value(branch));
    }
    return labels;
  }

  private static boolean matches(Object wanted, Object actual) {
    return wanted == null || Objects.equals(wanted, actual);
  }

  private static <T> T keep(T given, T old) {
    return given == null ? old : given;
  }

  private static void requireFound(boolean found, String what, long id) {
    if (!found) {
      throw new IllegalArgumentException("no " + what + " with id " + id);
    }
  }
}
