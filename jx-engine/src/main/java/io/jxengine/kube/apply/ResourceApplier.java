package io.jxengine.kube.apply;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies rendered objects with server-side apply and prunes what an owner set no longer renders.
 *
 * <p>Every object is labelled with the {@link OwnerLabels} and applied with field manager
 * {@value #FIELD_MANAGER} and {@code force=true}: the chart is the source of truth, so a field
 * another manager changed (a {@code kubectl edit}) is taken back instead of failing the deployment
 * with a conflict, exactly like {@code kubectl apply --server-side --force-conflicts}. Fields only
 * another manager sets (an autoscaler's replicas when the chart omits them) are left alone.
 *
 * <p>A server without server-side apply (HTTP 415: API servers before 1.22, fabric8's CRUD mock)
 * gets create-or-replace instead.
 *
 * <p>Pruning lists, in each namespace applied to, the objects carrying the owner labels among the
 * kinds in {@link #PRUNED_KINDS} plus every typed kind rendered this time, and deletes those not
 * applied now. Untyped kinds (custom resources) are applied but not pruned: their owner deletes
 * them with the namespace. Objects are applied in rendering order and pruned afterwards, so a
 * failure part-way leaves the previous objects in place and the next apply completes the set.
 *
 * <p>Thread-safe if the client is; calls for the same owner set must not overlap.
 */
public final class ResourceApplier {
  public static final String FIELD_MANAGER = "jx-engine";

  /** Kinds pruned even when this render has none of them (kubectl's default allow-list, namespaced). */
  public static final List<Class<? extends HasMetadata>> PRUNED_KINDS = List.of(
      ConfigMap.class, Secret.class, Service.class, ServiceAccount.class,
      PersistentVolumeClaim.class, Deployment.class, StatefulSet.class, DaemonSet.class,
      Job.class, CronJob.class, Ingress.class, NetworkPolicy.class, Role.class,
      RoleBinding.class, ResourceQuota.class, LimitRange.class);

  private final KubernetesClient client;

  public ResourceApplier(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Applies {@code objects} (namespaced ones without a namespace go to {@code namespace}), then
   * prunes the owner set's objects that are not among them.
   *
   * @throws KubeApplyException naming the object and carrying the API server's message
   */
  public ApplyResult apply(List<HasMetadata> objects, String namespace, OwnerLabels owner) {
    List<HasMetadata> applied = new ArrayList<>();
    Set<String> namespaces = new LinkedHashSet<>();
    namespaces.add(namespace);
    Set<Class<? extends HasMetadata>> kinds = new LinkedHashSet<>(PRUNED_KINDS);
    for (HasMetadata o : objects) {
      HasMetadata labelled = labelled(o, owner);
      if (namespaced(labelled) && labelled.getMetadata().getNamespace() == null) {
        labelled.getMetadata().setNamespace(namespace);
      }
      if (labelled.getMetadata().getNamespace() != null) {
        namespaces.add(labelled.getMetadata().getNamespace());
      }
      if (!(labelled instanceof GenericKubernetesResource) && labelled instanceof Namespaced) {
        kinds.add(labelled.getClass());
      }
      applied.add(applyOne(labelled));
    }
    Set<ObjectRef> keep = new LinkedHashSet<>();
    applied.forEach(o -> keep.add(ObjectRef.of(o)));
    List<ObjectRef> pruned = prune(owner, namespaces, kinds, keep);
    return new ApplyResult(applied, pruned);
  }

  /**
   * Deletes every object of the owner set in {@code namespace} among the prunable kinds: what
   * {@link #apply} would prune if nothing were rendered.
   */
  public List<ObjectRef> deleteAll(String namespace, OwnerLabels owner) {
    return prune(owner, Set.of(namespace), new LinkedHashSet<>(PRUNED_KINDS), Set.of());
  }

  private HasMetadata applyOne(HasMetadata o) {
    try {
      return client.resource(o).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 && e.getCode() != 415) {
        throw new KubeApplyException("cannot apply " + ObjectRef.of(o) + ": " + reason(e), e);
      }
    }
    // A server without server-side apply answers 415 (or 404 for an object it does not have
    // yet): API servers before 1.22 and fabric8's CRUD mock. They get create-or-replace, which
    // ends with the same object except for fields only other managers set. A missing namespace
    // fails the create too, and is reported from there.
    try {
      return client.resource(o).createOr(NonDeletingOperation::update);
    } catch (KubernetesClientException e) {
      throw new KubeApplyException("cannot apply " + ObjectRef.of(o) + ": " + reason(e), e);
    }
  }

  private List<ObjectRef> prune(OwnerLabels owner, Set<String> namespaces,
      Set<Class<? extends HasMetadata>> kinds, Set<ObjectRef> keep) {
    List<ObjectRef> pruned = new ArrayList<>();
    for (String ns : namespaces) {
      for (Class<? extends HasMetadata> kind : kinds) {
        List<? extends HasMetadata> found;
        try {
          found = client.resources(kind).inNamespace(ns).withLabels(owner.labels()).list()
              .getItems();
        } catch (KubernetesClientException e) {
          throw new KubeApplyException("cannot list " + kind.getSimpleName() + " in " + ns
              + " to prune: " + reason(e), e);
        }
        for (HasMetadata o : found) {
          ObjectRef ref = ObjectRef.of(o);
          if (!keep.contains(ref)) {
            client.resource(o).delete();
            pruned.add(ref);
          }
        }
      }
    }
    return pruned;
  }

  private static HasMetadata labelled(HasMetadata o, OwnerLabels owner) {
    Map<String, String> labels = o.getMetadata().getLabels() == null
        ? new HashMap<>() : new HashMap<>(o.getMetadata().getLabels());
    labels.putAll(owner.labels());
    o.getMetadata().setLabels(labels);
    // Server-side apply refuses a resourceVersion or managedFields in the applied configuration.
    o.getMetadata().setResourceVersion(null);
    o.getMetadata().setManagedFields(null);
    return o;
  }

  /** Typed kinds know; an untyped object is taken as namespaced unless it is a known cluster kind. */
  private static boolean namespaced(HasMetadata o) {
    if (o instanceof GenericKubernetesResource) {
      return !Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
          "PersistentVolume", "StorageClass", "PriorityClass").contains(o.getKind());
    }
    return o instanceof Namespaced;
  }

  static String reason(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage() + " (HTTP " + e.getCode() + ")";
    }
    return e.getMessage();
  }
}
