package io.jxengine.backend.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Step logs from the pod log API ({@code pods/<pod>/log?container=<c>&follow=true}): the API
 * server keeps the stream open while the container runs and closes it when it ends. Lines longer
 * than {@value #MAX_LINE} characters are split, as the local backend does. Thread-safe.
 */
public final class PodLogs implements StepLogs {
  static final int MAX_LINE = 64 * 1024;

  private final KubernetesClient client;

  public PodLogs(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void follow(String namespace, String pod, String container, Consumer<String> lines)
      throws IOException {
    try (LogWatch watch =
            client.pods().inNamespace(namespace).withName(pod).inContainer(container).watchLog();
        InputStream in = watch.getOutput()) {
      readLines(new InputStreamReader(in, StandardCharsets.UTF_8), lines);
    } catch (KubernetesClientException e) {
      throw new IOException("log of " + pod + "/" + container + ": " + e.getMessage(), e);
    }
  }

  /** Passes each line of {@code in} to {@code lines}, splitting lines over {@value #MAX_LINE}. */
  static void readLines(Reader in, Consumer<String> lines) throws IOException {
    StringBuilder line = new StringBuilder();
    char[] buf = new char[8192];
    int n;
    while ((n = in.read(buf)) >= 0) {
      for (int i = 0; i < n; i++) {
        char c = buf[i];
        if (c == '\n') {
          lines.accept(stripCr(line));
          line.setLength(0);
        } else {
          line.append(c);
          if (line.length() >= MAX_LINE) {
            lines.accept(line.toString());
            line.setLength(0);
          }
        }
      }
    }
    if (line.length() > 0) {
      lines.accept(stripCr(line));
    }
  }

  private static String stripCr(StringBuilder line) {
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }
}
