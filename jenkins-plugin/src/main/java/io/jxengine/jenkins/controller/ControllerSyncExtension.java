package io.jxengine.jenkins.controller;

import io.jxengine.server.ServerExtension;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jxe server}'s periodic import from Jenkins controllers: the first sync as soon as the
 * server has started, then every {@code syncInterval} of controllers.yaml (read at start; the
 * controllers themselves are re-read at every sync, so adding one needs no restart). One daemon
 * thread; a sync that fails is logged and the next one runs on time. Closing stops the thread.
 */
public final class ControllerSyncExtension implements ServerExtension {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerSyncExtension.class);

  @Override
  public AutoCloseable attach(Context context) {
    ControllersFile file = ControllersFile.in(context.home().root());
    Duration interval;
    try {
      interval = file.load().syncInterval();
    } catch (ControllersFile.ConfigException e) {
      // a broken file must not keep the engine from serving: sync reports it at every run
      LOG.warn("Jenkins controllers: {}", e.getMessage());
      interval = ControllersFile.DEFAULT_INTERVAL;
    }
    ControllerSync sync = new ControllerSync(
        context.server().parts().activities(), context.logs(), context.secrets());
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jxe-jenkins-sync");
      t.setDaemon(true);
      return t;
    });
    long every = interval.toMillis();
    context.server().addRoutes((javalin, server) -> javalin.events(e -> e.serverStarted(() ->
        executor.scheduleWithFixedDelay(() -> runOnce(file, sync), 0, every,
            TimeUnit.MILLISECONDS))));
    return () -> {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
    };
  }

  private static void runOnce(ControllersFile file, ControllerSync sync) {
    try {
      ControllersFile.Config config = file.load();
      for (ControllerSync.Result r : sync.syncAll(config, null)) {
        LOG.info("Jenkins sync {}", r.summary());
        r.errors().forEach(error -> LOG.warn("Jenkins sync: {}", error));
      }
    } catch (RuntimeException e) {
      // the scheduler would stop for good on an escaping exception
      LOG.warn("Jenkins sync failed: {}", e.toString());
    }
  }
}
