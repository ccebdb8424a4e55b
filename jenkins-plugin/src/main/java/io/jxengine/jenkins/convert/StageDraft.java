package io.jxengine.jenkins.convert;

import io.jxengine.model.EnvVar;
import io.jxengine.model.Pos;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stage being converted: what the Jenkinsfile said, before names are made unique, conditions
 * are turned into {@code when:} or shell tests and steps are named. Mutable, one thread.
 */
final class StageDraft {
  final String jenkinsName;
  final Pos pos;
  /** Put before the names of child stages (the cell of a matrix). */
  String prefix = "";
  String image;
  Map<String, String> containers = Map.of();
  final List<EnvVar> env = new ArrayList<>();
  final List<SecretRef> secrets = new ArrayList<>();
  Cond cond;
  /** Whether the stage has an {@code input} gate (then every later stage waits for it too). */
  boolean gated;
  Duration timeout;
  int retries;
  final List<Step> steps = new ArrayList<>();
  final List<Step> postAlways = new ArrayList<>();
  final List<Step> postSuccess = new ArrayList<>();
  final List<Step> postFailure = new ArrayList<>();
  /** Jenkins names of the stages this one waits for (only used when the pipeline has parallel stages). */
  List<StageDraft> needs = List.of();

  StageDraft(String jenkinsName, Pos pos) {
    this.jenkinsName = jenkinsName;
    this.pos = pos;
  }

  /** A child stage inheriting this one's agent, environment, secrets, condition and limits. */
  StageDraft child(String name, Pos childPos) {
    StageDraft c = new StageDraft(prefix + name, childPos);
    c.prefix = prefix;
    c.image = image;
    c.containers = containers;
    c.env.addAll(env);
    c.secrets.addAll(secrets);
    c.cond = cond;
    c.timeout = timeout;
    c.retries = retries;
    return c;
  }

  /** Adds a secret unless the same variable is already bound to the same value. */
  void addSecret(SecretRef s) {
    secrets.removeIf(x -> x.env().equals(s.env()));
    secrets.add(s);
  }
}
