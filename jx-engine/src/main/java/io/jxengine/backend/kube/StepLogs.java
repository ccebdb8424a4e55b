package io.jxengine.backend.kube;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where the executor reads a step container's output: the cluster's pod log API ({@link
 * PodLogs}), or a fake in tests. Implementations must be thread-safe: the executor follows many
 * containers at once, each on its own thread.
 */
public interface StepLogs {
  /**
   * Follows the log of {@code container} in {@code pod} from its first line until the container
   * has ended, passing each line (without its line break) to {@code lines}. Blocks; called once
   * the container runs or has ended.
   *
   * @throws IOException when the log cannot be read (the pod is gone, the API refused)
   */
  void follow(String namespace, String pod, String container, Consumer<String> lines)
      throws IOException;
}
