package io.jxengine.kube.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.jxengine.scm.ProviderKind;
import io.jxengine.server.queue.Delivery;
import io.jxengine.server.queue.DeliveryState;
import io.jxengine.server.queue.DeliveryStore;
import io.jxengine.server.queue.NewDelivery;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook deliveries kept in the cluster, so a delivery answered by any replica survives it and
 * reaches the leader: one ConfigMap per delivery, named from a hash of the provider and delivery
 * id (a duplicate delivery is the same name, so creating it fails with 409 and nothing is
 * written twice), labelled with its state and its sequence number (from {@link
 * ClusterCounters}, so the oldest is claimed first). Claiming is an update with the
 * resourceVersion read: of two claimers one wins, the other moves on.
 *
 * <p>The raw body is not kept (a ConfigMap holds at most 1 MiB): only the mapped event, which is
 * all the worker needs. Thread-safe; errors are {@link io.jxengine.activity.StoreException}s.
 */
public final class KubeDeliveryStore implements DeliveryStore {
  static final String DELIVERY_IDS = "jxe-delivery-ids";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final String namespace;
  private final ClusterCounters counters;
  private final Clock clock;

  public KubeDeliveryStore(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    this.counters = new ClusterCounters(client, namespace);
    this.clock = Clock.systemUTC();
  }

  @Override
  public Stored store(NewDelivery d) {
    String name = ObjectNames.of("jxe-delivery", d.provider().name(), d.deliveryId());
    ConfigMap existing = read(name);
    if (existing != null) {
      return new Stored(seq(existing), true);
    }
    long id = counters.next(DELIVERY_IDS, Map.of());
    Map<String, String> data = new HashMap<>();
    data.put("provider", d.provider().name());
    data.put("deliveryId", d.deliveryId());
    data.put("eventName", d.eventName());
    data.put("repositoryId", Long.toString(d.repositoryId()));
    data.put("eventKind", d.eventKind());
    data.put("eventJson", d.eventJson());
    data.put("headers", json(d.headers()));
    data.put("received", Long.toString(clock.millis()));
    data.put("attempts", "0");
    Map<String, String> labels = new HashMap<>(Labels.of(Labels.KIND_DELIVERY));
    labels.put(Labels.DELIVERY_ID, Long.toString(id));
    labels.put(Labels.DELIVERY_STATE, DeliveryState.received.name());
    try {
      configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName(name)
          .withLabels(labels).endMetadata().withData(data).build()).create();
      return new Stored(id, false);
    } catch (KubernetesClientException e) {
      if (!Conflicts.isConflict(e)) {
        throw Conflicts.failed("store delivery " + d.deliveryId(), e);
      }
      ConfigMap winner = read(name);
      return new Stored(winner == null ? id : seq(winner), true);
    }
  }

  @Override
  public Optional<Delivery> claimNext() {
    List<ConfigMap> received = inState(DeliveryState.received);
    for (ConfigMap candidate : received) {
      Map<String, String> data = candidate.getData();
      data.put("attempts", Integer.toString(Integer.parseInt(data.get("attempts")) + 1));
      candidate.getMetadata().getLabels().put(Labels.DELIVERY_STATE,
          DeliveryState.processing.name());
      try {
        return Optional.of(delivery(configMaps().resource(candidate).update()));
      } catch (KubernetesClientException e) {
        if (!Conflicts.isConflict(e) && e.getCode() != Conflicts.NOT_FOUND) {
          throw Conflicts.failed("claim a delivery", e);
        }
        // Another worker claimed it first: try the next one.
      }
    }
    return Optional.empty();
  }

  @Override
  public void finish(long id, DeliveryState state, String error, String note) {
    Conflicts.retry("finish delivery " + id, () -> {
      ConfigMap current = byId(id).orElseThrow(
          () -> new IllegalArgumentException("no delivery with id " + id));
      current.getMetadata().getLabels().put(Labels.DELIVERY_STATE, state.name());
      put(current.getData(), "error", error);
      put(current.getData(), "note", note);
      return configMaps().resource(current).update();
    });
  }

  @Override
  public int requeueProcessing() {
    int n = 0;
    for (ConfigMap processing : inState(DeliveryState.processing)) {
      long id = seq(processing);
      Conflicts.retry("requeue delivery " + id, () -> {
        Optional<ConfigMap> current = byId(id);
        if (current.isPresent()) {
          current.get().getMetadata().getLabels().put(Labels.DELIVERY_STATE,
              DeliveryState.received.name());
          configMaps().resource(current.get()).update();
        }
        return null;
      });
      n++;
    }
    return n;
  }

  @Override
  public Optional<Delivery> getDelivery(long id) {
    return byId(id).map(KubeDeliveryStore::delivery);
  }

  @Override
  public Map<DeliveryState, Long> deliveriesByState() {
    Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
    for (ConfigMap d : list(Map.of())) {
      counts.merge(state(d), 1L, Long::sum);
    }
    return counts;
  }

  private List<ConfigMap> inState(DeliveryState state) {
    return list(Map.of(Labels.DELIVERY_STATE, state.name())).stream()
        .sorted(Comparator.comparingLong(KubeDeliveryStore::seq)).toList();
  }

  private Optional<ConfigMap> byId(long id) {
    return list(Map.of(Labels.DELIVERY_ID, Long.toString(id))).stream().findFirst();
  }

  private List<ConfigMap> list(Map<String, String> extraLabels) {
    Map<String, String> labels = new HashMap<>(Labels.of(Labels.KIND_DELIVERY));
    labels.putAll(extraLabels);
    return Conflicts.call("list deliveries",
        () -> configMaps().withLabels(labels).list().getItems());
  }

  private ConfigMap read(String name) {
    return Conflicts.call("read delivery " + name, () -> configMaps().withName(name).get());
  }

  private NonNamespaceOperation<ConfigMap, ConfigMapList, Resource<ConfigMap>> configMaps() {
    return client.configMaps().inNamespace(namespace);
  }

  private static Delivery delivery(ConfigMap c) {
    Map<String, String> d = c.getData();
    return new Delivery(seq(c), ProviderKind.valueOf(d.get("provider")), d.get("deliveryId"),
        d.get("eventName"), Long.parseLong(d.get("repositoryId")), d.get("eventKind"),
        d.get("eventJson"), Instant.ofEpochMilli(Long.parseLong(d.get("received"))), state(c),
        Integer.parseInt(d.get("attempts")), d.get("error"), d.get("note"));
  }

  private static long seq(ConfigMap c) {
    return Long.parseLong(c.getMetadata().getLabels().get(Labels.DELIVERY_ID));
  }

  private static DeliveryState state(ConfigMap c) {
    return DeliveryState.valueOf(c.getMetadata().getLabels().get(Labels.DELIVERY_STATE));
  }

  private static void put(Map<String, String> data, String key, String value) {
    if (value == null) {
      data.remove(key);
    } else {
      data.put(key, value);
    }
  }

  private static String json(Map<String, String> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write headers", e);
    }
  }
}
