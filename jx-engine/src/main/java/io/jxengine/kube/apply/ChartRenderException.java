package io.jxengine.kube.apply;

/** {@code helm template} failed: the message is helm's (a template error, a missing value...). */
public final class ChartRenderException extends KubeApplyException {
  public ChartRenderException(String message, Throwable cause) {
    super(message, cause);
  }
}
