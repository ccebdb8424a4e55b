package io.jxengine.server;

import io.jxengine.engine.JxeHome;
import io.jxengine.logs.LogStore;
import io.jxengine.secrets.SecretProvider;

/**
 * A module outside the core that adds to {@code jxe server}: HTTP routes (the Jenkins remote
 * API), background work (preview garbage collection). Found with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/io.jxengine.server.ServerExtension}.
 *
 * <p>Contract: {@link #attach} is called once, before the server starts; it may call {@link
 * ServerApp#addRoutes}, and must not block. Background work it starts must run only after the
 * server has started (register a route or use {@link ServerApp#url} lazily). The returned handle
 * is closed when the server stops, after the HTTP server and before the stores; it must stop the
 * extension's threads. An exception from {@code attach} stops the server from starting.
 */
public interface ServerExtension {
  /** What an extension may use; the stores are owned by the server, not by the extension. */
  record Context(ServerApp server, JxeHome home, LogStore logs, SecretProvider secrets) {}

  AutoCloseable attach(Context context);
}
