package io.jxengine.kube.apply;

/**
 * A chart could not be rendered, applied or rolled out. The message is meant for the user (it
 * carries helm's or the API server's own words); callers show it as is, without a stack trace.
 */
public class KubeApplyException extends RuntimeException {
  public KubeApplyException(String message) {
    super(message);
  }

  public KubeApplyException(String message, Throwable cause) {
    super(message, cause);
  }
}
