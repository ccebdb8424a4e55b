package io.jxengine.kube.state;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.jxengine.activity.Activity;
import io.jxengine.activity.Status;
import io.jxengine.kube.crd.ActivityResources;
import io.jxengine.kube.crd.KubeLabels;
import io.jxengine.kube.crd.PipelineActivity;
import io.jxengine.kube.crd.PipelineActivityStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The PipelineActivity resources of one namespace, as the cluster stores read and change them:
 * found by the engine's activity id (a label), changed by read-change-write with the
 * resourceVersion read ({@link Conflicts}), status through the status subresource, annotations
 * (runner, stop request) through the main resource.
 *
 * <p>Thread-safe. Writers of one activity in this JVM (parallel stages) take a lock per activity
 * first, so they queue here instead of colliding at the API server; other replicas still collide
 * and retry.
 */
final class ActivityCrs {
  private static final int STRIPES = 64;

  private final MixedOperation<PipelineActivity, KubernetesResourceList<PipelineActivity>,
      Resource<PipelineActivity>> resources;
  private final Map<Long, String> names = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[STRIPES];

  /** A change of one resource: returns false to write nothing. */
  @FunctionalInterface
  interface Change {
    boolean apply(PipelineActivity resource);
  }

  ActivityCrs(KubernetesClient client, String namespace) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    MixedOperation<PipelineActivity, KubernetesResourceList<PipelineActivity>,
        Resource<PipelineActivity>> ops =
        (MixedOperation) client.resources(PipelineActivity.class).inNamespace(namespace);
    this.resources = ops;
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Creates the resource and then writes its status (the API server ignores status on create).
   * A name taken by another pipeline (two names that clean up to the same text) gets the id as a
   * suffix.
   */
  void create(PipelineActivity resource, long id) {
    PipelineActivityStatus status = resource.getStatus();
    PipelineActivity created = Conflicts.call("create activity " + id, () -> createOnce(resource));
    if (created == null) {
      resource.getMetadata().setName(
          KubeLabels.dnsLabel(resource.getMetadata().getName() + "-" + id));
      created = Conflicts.call("create activity " + id, () -> resources.resource(resource).create());
    }
    names.put(id, created.getMetadata().getName());
    edit(id, r -> {
      r.setStatus(status);
      return true;
    }, true);
  }

  private PipelineActivity createOnce(PipelineActivity resource) {
    try {
      return resources.resource(resource).create();
    } catch (KubernetesClientException e) {
      if (Conflicts.isConflict(e)) {
        return null;
      }
      throw e;
    }
  }

  Optional<PipelineActivity> get(long id) {
    String name = names.get(id);
    if (name != null) {
      PipelineActivity found = Conflicts.call("read activity " + id,
          () -> resources.withName(name).get());
      if (found != null) {
        return Optional.of(found);
      }
      names.remove(id);
    }
    List<PipelineActivity> found = Conflicts.call("find activity " + id, () -> resources
        .withLabel(ActivityResources.LABEL_ACTIVITY_ID, Long.toString(id)).list().getItems());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    names.put(id, found.get(0).getMetadata().getName());
    return Optional.of(found.get(0));
  }

  /** Resources with these labels (all when empty), newest (highest id) first. */
  List<PipelineActivity> list(Map<String, String> labels) {
    List<PipelineActivity> items = Conflicts.call("list activities", () -> labels.isEmpty()
        ? resources.list().getItems()
        : resources.withLabels(labels).list().getItems());
    return items.stream()
        .sorted(Comparator.comparingLong(ActivityCrs::id).reversed())
        .toList();
  }

  /** Activities of {@link #list} that match {@code filter}. */
  List<Activity> activities(Map<String, String> labels, Predicate<Activity> filter) {
    return list(labels).stream().map(ActivityCrs::activity).filter(filter).toList();
  }

  /**
   * Applies {@code change} to the current resource and writes it (status subresource when
   * {@code status}, else the main resource), again on fresh data after a conflict. False when
   * there is no such activity; the change decides whether anything is written.
   */
  boolean edit(long id, Change change, boolean status) {
    synchronized (locks[(int) Math.floorMod(id, (long) STRIPES)]) {
      return Conflicts.retry("update activity " + id, () -> {
        Optional<PipelineActivity> current = get(id);
        if (current.isEmpty()) {
          return false;
        }
        PipelineActivity resource = current.get();
        if (resource.getStatus() == null) {
          resource.setStatus(pendingStatus());
        }
        if (change.apply(resource)) {
          if (status) {
            resources.resource(resource).updateStatus();
          } else {
            resources.resource(resource).update();
          }
        }
        return true;
      });
    }
  }

  void delete(long id) {
    get(id).ifPresent(r -> Conflicts.call("delete activity " + id,
        () -> resources.resource(r).delete()));
    names.remove(id);
  }

  /** The activity a resource records; one whose status is not written yet is Pending. */
  static Activity activity(PipelineActivity resource) {
    if (resource.getStatus() == null || resource.getStatus().getStatus() == null) {
      resource.setStatus(pendingStatus());
    }
    return ActivityResources.fromResource(resource);
  }

  static String annotation(PipelineActivity resource, String key) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  static void annotate(PipelineActivity resource, String key, String value) {
    if (resource.getMetadata().getAnnotations() == null) {
      resource.getMetadata().setAnnotations(new java.util.HashMap<>());
    }
    resource.getMetadata().getAnnotations().put(key, value);
  }

  private static long id(PipelineActivity resource) {
    Long id = resource.getSpec() == null ? null : resource.getSpec().getActivityId();
    return id == null ? 0 : id;
  }

  private static PipelineActivityStatus pendingStatus() {
    PipelineActivityStatus status = new PipelineActivityStatus();
    status.setStatus(Status.Pending);
    status.setMessage("");
    return status;
  }
}
