package io.jxengine.preview;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Plays the Deployment controller the CRUD mock lacks: marks every Deployment rolled out, on a
 * daemon thread, until closed. With {@code ready=false} it marks them observed but unavailable.
 */
final class FakeRollouts implements AutoCloseable {
  private final KubernetesClient client;
  private final boolean ready;
  private final Thread thread;
  private volatile boolean closed;

  FakeRollouts(KubernetesClient client, boolean ready) {
    this.client = client;
    this.ready = ready;
    this.thread = new Thread(this::loop, "fake-rollouts");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (!closed) {
      try {
        for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
          long gen = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
          if (d.getStatus() != null && d.getStatus().getObservedGeneration() != null
              && d.getStatus().getObservedGeneration() >= gen) {
            continue;
          }
          int n = ready ? 1 : 0;
          d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(gen).withReplicas(1)
              .withUpdatedReplicas(1).withAvailableReplicas(n).withReadyReplicas(n).build());
          client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d)
              .updateStatus();
        }
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      } catch (KubernetesClientException e) {
        // a Deployment changed under us: the next round sees the new one
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    thread.interrupt();
    thread.join(5000);
  }
}
