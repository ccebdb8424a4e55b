package io.jxengine.kube.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jxengine.activity.Activity;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StoreException;
import io.jxengine.engine.RunContext;
import io.jxengine.kube.crd.ActivityResources;
import io.jxengine.server.runs.QueuedRun;
import io.jxengine.server.runs.RunQueue;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's run queue in the cluster: a queued run is a Pending PipelineActivity (made by
 * {@link KubeActivityStore}) plus a ConfigMap {@code jxe-run-<hash of the trigger key>} holding
 * what it needs to start. The trigger key decides the ConfigMap's name, so of two replicas
 * queuing one key at once exactly one creates it; the other deletes the activity it had made and
 * answers with the winner's. Claiming writes the runner on the activity with the resourceVersion
 * read, so one runner wins.
 *
 * <p>Thread-safe; errors are {@link StoreException}s.
 */
public final class KubeRunQueue implements RunQueue {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final String namespace;
  private final KubeActivityStore activities;

  public KubeRunQueue(KubernetesClient client, String namespace, KubeActivityStore activities) {
    this.client = client;
    this.namespace = namespace;
    this.activities = activities;
  }

  @Override
  public Enqueued enqueue(QueuedRun run) {
    String name = ObjectNames.of("jxe-run", run.triggerKey());
    Optional<Long> existing = activityOf(name);
    if (existing.isPresent()) {
      return new Enqueued(existing.get(), false);
    }
    RunContext ctx = run.context();
    Activity activity = activities.create(new NewActivity(
        ctx.owner(), ctx.repo(), ctx.branch(), run.pipelineName(), ctx.gitUrl(), ctx.commitSha(),
        ctx.commitMessage(), ctx.author(), ctx.pullTitle(), ctx.pullNumber(), ctx.baseSha(),
        ctx.version(), run.pipelineSource(), ctx.event(), 0, 0));
    try {
      configMaps().resource(spec(name, activity.id(), run)).create();
      return new Enqueued(activity.id(), true);
    } catch (KubernetesClientException e) {
      if (!Conflicts.isConflict(e)) {
        activities.delete(activity.id());
        throw Conflicts.failed("queue run " + run.triggerKey(), e);
      }
      // Another replica queued this key first: its activity is the one.
      activities.delete(activity.id());
      return new Enqueued(activityOf(name).orElseThrow(() -> new StoreException(
          "cluster store: queued run " + name + " vanished", e)), false);
    }
  }

  @Override
  public Optional<QueuedRun> spec(long activityId) {
    return specs(Map.of(ActivityResources.LABEL_ACTIVITY_ID, Long.toString(activityId)))
        .stream().findFirst().map(KubeRunQueue::queuedRun);
  }

  @Override
  public List<Long> unclaimed() {
    Set<Long> queued = new HashSet<>();
    for (ConfigMap spec : specs(Map.of())) {
      queued.add(Long.parseLong(spec.getData().get("activityId")));
    }
    return activities.resources(Map.of()).stream()
        .filter(r -> r.getSpec() != null && queued.contains(r.getSpec().getActivityId()))
        .filter(r -> ActivityCrs.annotation(r, Labels.RUNNER) == null)
        .map(ActivityCrs::activity)
        .filter(a -> a.status() == Status.Pending)
        .map(Activity::id)
        .sorted()
        .toList();
  }

  /** Records this replica's runner name; the PID is meaningless outside its pod. */
  @Override
  public boolean claim(long activityId, long pid, long startMillis) {
    return activities.claim(activityId);
  }

  @Override
  public boolean abortUnclaimed(long activityId, String message) {
    return activities.abortUnclaimed(activityId, message);
  }

  @Override
  public List<Long> unfinished(String owner, String repo, int pullNumber, String pipeline) {
    return activities.resources(KubeActivityStore.pipelineLabels(owner, repo, null)).stream()
        .map(ActivityCrs::activity)
        .filter(a -> a.owner().equals(owner) && a.repo().equals(repo)
            && a.pullNumber() != null && a.pullNumber() == pullNumber
            && pipeline.equals(a.context())
            && (a.status() == Status.Pending || a.status() == Status.Running))
        .map(Activity::id)
        .sorted()
        .toList();
  }

  @Override
  public Map<Status, Long> activitiesByStatus() {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (var r : activities.resources(Map.of())) {
      counts.merge(ActivityCrs.activity(r).status(), 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public void ping() {
    Conflicts.call("reach the API server",
        () -> configMaps().withName(KubeActivityStore.ACTIVITY_IDS).get());
  }

  private Optional<Long> activityOf(String specName) {
    ConfigMap spec = Conflicts.call("read queued run " + specName,
        () -> configMaps().withName(specName).get());
    return spec == null ? Optional.empty()
        : Optional.of(Long.parseLong(spec.getData().get("activityId")));
  }

  private List<ConfigMap> specs(Map<String, String> extraLabels) {
    Map<String, String> labels = new HashMap<>(Labels.of(Labels.KIND_QUEUED_RUN));
    labels.putAll(extraLabels);
    return Conflicts.call("list queued runs",
        () -> configMaps().withLabels(labels).list().getItems());
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<ConfigMap,
      io.fabric8.kubernetes.api.model.ConfigMapList,
      io.fabric8.kubernetes.client.dsl.Resource<ConfigMap>> configMaps() {
    return client.configMaps().inNamespace(namespace);
  }

  private static ConfigMap spec(String name, long activityId, QueuedRun run) {
    Map<String, String> labels = new HashMap<>(Labels.of(Labels.KIND_QUEUED_RUN));
    labels.put(ActivityResources.LABEL_ACTIVITY_ID, Long.toString(activityId));
    Map<String, String> data = new HashMap<>();
    data.put("activityId", Long.toString(activityId));
    data.put("triggerKey", run.triggerKey());
    data.put("repositoryId", Long.toString(run.repositoryId()));
    data.put("pipelineName", run.pipelineName());
    data.put("pipelineSource", run.pipelineSource());
    data.put("pipelineYaml", run.pipelineYaml());
    data.put("context", json(run.context()));
    put(data, "checkoutUrl", run.checkoutUrl());
    put(data, "checkoutSha", run.checkoutSha());
    data.put("withSecrets", Boolean.toString(run.withSecrets()));
    put(data, "statusContext", run.statusContext());
    return new ConfigMapBuilder().withNewMetadata().withName(name).withLabels(labels)
        .endMetadata().withData(data).build();
  }

  private static QueuedRun queuedRun(ConfigMap spec) {
    Map<String, String> d = spec.getData();
    return new QueuedRun(Long.parseLong(d.get("repositoryId")), d.get("triggerKey"),
        d.get("pipelineName"), d.get("pipelineSource"), d.get("pipelineYaml"),
        context(d.get("context")), d.get("checkoutUrl"), d.get("checkoutSha"),
        Boolean.parseBoolean(d.get("withSecrets")), d.get("statusContext"));
  }

  private static void put(Map<String, String> data, String key, String value) {
    if (value != null) {
      data.put(key, value);
    }
  }

  private static String json(RunContext context) {
    try {
      return JSON.writeValueAsString(context);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a run context", e);
    }
  }

  private static RunContext context(String json) {
    try {
      return JSON.readValue(json, RunContext.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("cluster store: a queued run's context is not readable: "
          + e.getMessage(), e);
    }
  }
}
