package io.jxengine.kube.crd;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.jxengine.activity.Activity;
import io.jxengine.activity.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an {@link Activity} to a {@link PipelineActivity} resource and back, losslessly: {@code
 * fromResource(toResource(a)).equals(a)} for every activity whose steps are ordered by id (as the
 * stores return them) and whose steps all belong to a stage of the same activity.
 *
 * <p>With the status subresource, the API server ignores {@code status} on create: create the
 * resource, then write {@link PipelineActivity#getStatus()} with {@code updateStatus()} (see
 * {@code PipelineActivityCrudIT}).
 *
 * <p>Pure functions, thread-safe. A step whose parent is not a top-level entry of the same
 * activity is an engine bug, reported as {@link IllegalArgumentException}.
 */
public final class ActivityResources {
  /** Labels set on every resource, so runs can be found by repository and build. */
  public static final String LABEL_OWNER = "jx-engine.io/owner";

  public static final String LABEL_REPOSITORY = "jx-engine.io/repository";
  public static final String LABEL_BRANCH = "jx-engine.io/branch";
  public static final String LABEL_BUILD = "jx-engine.io/build";
  public static final String LABEL_CONTEXT = "jx-engine.io/context";
  public static final String LABEL_ACTIVITY_ID = "jx-engine.io/activity-id";

  private ActivityResources() {}

  /** The resource for {@code activity}, named {@code owner-repo-branch-build}, without namespace. */
  public static PipelineActivity toResource(Activity activity) {
    PipelineActivity resource = new PipelineActivity();
    resource.setMetadata(metadata(activity));
    resource.setSpec(spec(activity));
    resource.setStatus(status(activity));
    return resource;
  }

  /** The activity a resource records. */
  public static Activity fromResource(PipelineActivity resource) {
    PipelineActivitySpec spec = resource.getSpec();
    PipelineActivityStatus status =
        resource.getStatus() == null ? new PipelineActivityStatus() : resource.getStatus();
    long id = spec.getActivityId() == null ? 0L : spec.getActivityId();
    return new Activity(
        id,
        spec.getGitOwner(),
        spec.getGitRepository(),
        spec.getGitBranch(),
        spec.getBuild() == null ? 0 : Integer.parseInt(spec.getBuild()),
        spec.getContext(),
        status.getStatus(),
        instant(status.getStartedTimestamp()),
        instant(status.getCompletedTimestamp()),
        spec.getGitUrl(),
        spec.getLastCommitSHA(),
        spec.getLastCommitMessage(),
        spec.getAuthor(),
        spec.getPullTitle(),
        spec.getPullNumber(),
        spec.getBaseSHA(),
        spec.getVersion(),
        spec.getSource(),
        spec.getEvent(),
        spec.getBuildUrl(),
        status.getMessage(),
        steps(id, status.getSteps()));
  }

  /** The resource name of an activity: a DNS-1123 label of at most 63 characters. */
  public static String name(Activity activity) {
    return KubeLabels.dnsLabel(
        activity.owner() + "-" + activity.repo() + "-" + activity.branch() + "-"
            + activity.build());
  }

  private static ObjectMeta metadata(Activity a) {
    return new ObjectMetaBuilder()
        .withName(name(a))
        .addToLabels(LABEL_OWNER, KubeLabels.value(a.owner()))
        .addToLabels(LABEL_REPOSITORY, KubeLabels.value(a.repo()))
        .addToLabels(LABEL_BRANCH, KubeLabels.value(a.branch()))
        .addToLabels(LABEL_BUILD, Integer.toString(a.build()))
        .addToLabels(LABEL_CONTEXT, KubeLabels.value(a.context()))
        .addToLabels(LABEL_ACTIVITY_ID, Long.toString(a.id()))
        .build();
  }

  private static PipelineActivitySpec spec(Activity a) {
    PipelineActivitySpec spec = new PipelineActivitySpec();
    spec.setActivityId(a.id());
    spec.setPipeline(a.pipeline());
    spec.setBuild(Integer.toString(a.build()));
    spec.setContext(a.context());
    spec.setGitOwner(a.owner());
    spec.setGitRepository(a.repo());
    spec.setGitBranch(a.branch());
    spec.setGitUrl(a.gitUrl());
    spec.setLastCommitSHA(a.commitSha());
    spec.setLastCommitMessage(a.commitMessage());
    spec.setAuthor(a.author());
    spec.setPullTitle(a.pullTitle());
    spec.setPullNumber(a.pullNumber());
    spec.setBaseSHA(a.baseSha());
    spec.setVersion(a.version());
    spec.setSource(a.source());
    spec.setEvent(a.event());
    spec.setBuildUrl(a.buildUrl());
    return spec;
  }

  private static PipelineActivityStatus status(Activity a) {
    PipelineActivityStatus status = new PipelineActivityStatus();
    status.setStatus(a.status());
    status.setStartedTimestamp(text(a.started()));
    status.setCompletedTimestamp(text(a.completed()));
    status.setMessage(a.message());
    Map<Long, StageActivityStep> stages = new LinkedHashMap<>();
    for (StepRecord r : a.steps()) {
      if (r.parentId() == null) {
        stages.put(r.id(), fill(new StageActivityStep(), r));
      }
    }
    for (StepRecord r : a.steps()) {
      if (r.parentId() != null) {
        StageActivityStep stage = stages.get(r.parentId());
        if (stage == null) {
          throw new IllegalArgumentException(
              "step " + r.id() + " of activity " + a.id() + " has no stage " + r.parentId());
        }
        stage.getSteps().add(fill(new CoreActivityStep(), r));
      }
    }
    status.setSteps(new ArrayList<>(stages.values()));
    return status;
  }

  private static <T extends CoreActivityStep> T fill(T step, StepRecord r) {
    step.setId(r.id());
    step.setKind(r.kind());
    step.setName(r.name());
    step.setOrdinal(r.ordinal());
    step.setStatus(r.status());
    step.setStartedTimestamp(text(r.started()));
    step.setCompletedTimestamp(text(r.completed()));
    step.setExitCode(r.exitCode());
    step.setAttempts(r.attempts());
    step.setMessage(r.message());
    return step;
  }

  private static List<StepRecord> steps(long activityId, List<StageActivityStep> stages) {
    List<StepRecord> records = new ArrayList<>();
    for (StageActivityStep stage : stages) {
      records.add(record(activityId, null, stage));
      for (CoreActivityStep step : stage.getSteps()) {
        records.add(record(activityId, stage.getId(), step));
      }
    }
    // The stores list steps by id; a stage's steps were added after it, interleaved with others.
    records.sort(Comparator.comparingLong(StepRecord::id));
    return records;
  }

  private static StepRecord record(long activityId, Long parentId, CoreActivityStep s) {
    return new StepRecord(
        s.getId() == null ? 0L : s.getId(),
        activityId,
        parentId,
        s.getKind(),
        s.getName(),
        s.getOrdinal() == null ? 0 : s.getOrdinal(),
        s.getStatus(),
        instant(s.getStartedTimestamp()),
        instant(s.getCompletedTimestamp()),
        s.getExitCode(),
        s.getAttempts() == null ? 0 : s.getAttempts(),
        s.getMessage());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
