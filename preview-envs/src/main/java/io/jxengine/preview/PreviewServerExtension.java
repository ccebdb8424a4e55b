package io.jxengine.preview;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jxengine.kube.apply.KubeClients;
import io.jxengine.kube.apply.RolloutWaiter;
import io.jxengine.parse.GoDuration;
import io.jxengine.server.ServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs preview cleanup into {@code jxe server}: a {@link PreviewJanitor} hears closed pull
 * requests and runs garbage collection at start-up and every {@code JXE_PREVIEW_GC_INTERVAL}
 * (Go duration, default 1h). Without a Kubernetes cluster it does nothing and says so once.
 */
public final class PreviewServerExtension implements ServerExtension {
  private static final Logger LOG = LoggerFactory.getLogger(PreviewServerExtension.class);

  @Override
  public AutoCloseable attach(Context context) {
    Optional<KubernetesClient> client = KubeClients.fromEnvironment();
    if (client.isEmpty()) {
      LOG.info("previews: no Kubernetes cluster configured (kubeconfig); preview cleanup is off");
      return () -> { };
    }
    Map<String, String> env = System.getenv();
    Duration interval = GoDuration.parse(env.get("JXE_PREVIEW_GC_INTERVAL"))
        .orElse(Duration.ofHours(1));
    PreviewJanitor janitor = attach(context, client.get(), PreviewCli.recordNamespace(client.get(),
        env.get("JXE_PREVIEW_NAMESPACE")), interval);
    return () -> {
      janitor.close();
      client.get().close();
    };
  }

  /** Wires a janitor on {@code client} into the server, before it starts (public for tests). */
  public static PreviewJanitor attach(Context context, KubernetesClient client, String namespace,
      Duration interval) {
    PreviewProviders providers = PreviewProviders.of(context.server().parts().repositories(),
        context.server().parts().providers());
    PreviewStore store = new PreviewStore(client, namespace);
    PreviewService service = new PreviewService(client, store, new PreviewComments(providers),
        DefaultChart.path(), Clock.systemUTC(), new RolloutWaiter(client));
    PreviewJanitor janitor =
        new PreviewJanitor(service, store, new PreviewGc(store, service, providers,
            Clock.systemUTC()));
    context.server().addEventListener(janitor);
    // Background work starts with the server (registrars run in start()); the first pass at
    // start-up catches pull requests closed while the engine was down.
    context.server().addRoutes((javalin, server) -> janitor.schedule(Duration.ZERO, interval));
    return janitor;
  }
}
