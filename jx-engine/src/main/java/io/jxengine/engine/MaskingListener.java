package io.jxengine.engine;

import io.jxengine.activity.Status;
import io.jxengine.backend.RunListener;
import io.jxengine.logs.SecretMasker;

/** Masks secret values in lines and messages before they reach a listener that prints them. */
final class MaskingListener implements RunListener {
  private final RunListener delegate;
  private final SecretMasker masker;

  MaskingListener(RunListener delegate, SecretMasker masker) {
    this.delegate = delegate;
    this.masker = masker;
  }

  @Override
  public void stage(String stage, Status status, String message) {
    delegate.stage(stage, status, message == null ? null : masker.mask(message));
  }

  @Override
  public void step(
      String stage, String step, String phase, Status status, int attempt, Integer exitCode,
      String message) {
    delegate.step(
        stage, step, phase, status, attempt, exitCode, message == null ? null : masker.mask(message));
  }

  @Override
  public void log(String stage, String step, String line) {
    delegate.log(stage, step, masker.mask(line));
  }

  @Override
  public void process(String stage, String step, long pid, long startMillis) {
    delegate.process(stage, step, pid, startMillis);
  }
}
