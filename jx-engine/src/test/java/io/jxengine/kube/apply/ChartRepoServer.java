package io.jxengine.kube.apply;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Helm chart repository on a real loopback HTTP server for tests: the chart {@code web} 1.4.2
 * (one ConfigMap named after the release, with {@code .Values.version}) packaged into a {@code
 * .tgz} with helm-java, and an {@code index.yaml} listing it with its digest (and a 1.4.1 without
 * an archive). Counts the requests per path.
 */
public final class ChartRepoServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final byte[] archive;

  private ChartRepoServer(HttpServer server, byte[] archive) {
    this.server = server;
    this.archive = archive;
  }

  public static ChartRepoServer start(Path tmp) throws IOException {
    Path chart = tmp.resolve("chart-src/web");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: 1.4.2\n");
    Files.writeString(chart.resolve("templates/config.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}
        data:
          version: {{ .Values.version | quote }}
        """);
    Path packaged = Files.createDirectories(tmp.resolve("chart-packaged"));
    new Helm(chart).packageIt().withDestination(packaged).call();
    byte[] archive = Files.readAllBytes(packaged.resolve("web-1.4.2.tgz"));
    ChartRepoServer repo = new ChartRepoServer(
        HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), archive);
    repo.server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      repo.hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      byte[] body = repo.files.get(path);
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (body != null) {
          out.write(body);
        }
      }
    });
    repo.server.start();
    repo.files.put("/charts/web-1.4.2.tgz", archive);
    repo.index("web-1.4.2.tgz", ChartRepository.sha256(archive));
    return repo;
  }

  /** The repository's URL (no trailing slash). */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/charts";
  }

  public byte[] archive() {
    return archive.clone();
  }

  /** Serves an index whose 1.4.2 entry has this archive URL and digest (empty: none). */
  public void index(String archiveUrl, String digest) {
    files.put("/charts/index.yaml", """
        apiVersion: v1
        entries:
          web:
            - name: web
              version: 1.4.2
              urls: ["%s"]
              digest: "%s"
            - name: web
              version: 1.4.1
              urls: ["web-1.4.1.tgz"]
        """.formatted(archiveUrl, digest).getBytes(StandardCharsets.UTF_8));
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
