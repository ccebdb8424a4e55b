package io.jxengine.server;

/**
 * How {@code jxe server} listens and how much it runs at once.
 *
 * @param bind the address to listen on; loopback unless the user asks otherwise
 * @param port 0 for any free port (tests)
 * @param maxRuns runs at once; more wait in a FIFO queue
 * @param workerThreads threads handling stored deliveries; 0 stores deliveries without handling
 *     them (tests of restarts)
 * @param publicUrl the base URL links in commit statuses use, or null for {@link ServerApp#url()}
 */
public record ServerConfig(
    String bind, int port, int maxRuns, int workerThreads, String publicUrl) {
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_RUNS = 4;
  public static final int DEFAULT_WORKERS = 2;

  public ServerConfig {
    if (maxRuns < 1) {
      throw new IllegalArgumentException("max runs must be at least 1");
    }
    if (workerThreads < 0) {
      throw new IllegalArgumentException("worker threads cannot be negative");
    }
  }

  /** Loopback, any free port, the default limits. */
  public static ServerConfig loopback(int port) {
    return new ServerConfig("127.0.0.1", port, DEFAULT_MAX_RUNS, DEFAULT_WORKERS, null);
  }

  public ServerConfig withMaxRuns(int n) {
    return new ServerConfig(bind, port, n, workerThreads, publicUrl);
  }

  public ServerConfig withWorkers(int n) {
    return new ServerConfig(bind, port, maxRuns, n, publicUrl);
  }
}
