package io.jxengine.compile.tekton;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.jxengine.model.Step;
import io.jxengine.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every build container gets whatever the pipeline says: resource requests, a restricted
 * security context (non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp),
 * and Secret volumes mounted read-only. Shared by the Tekton and Pod compilers. Thread-safe.
 */
public final class ContainerDefaults {
  /** Name of the source workspace (Tekton) and of the source volume (Pods). */
  public static final String SOURCE = "source";

  private final TektonOptions opts;

  public ContainerDefaults(TektonOptions opts) {
    this.opts = opts;
  }

  public ResourceRequirements resources() {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(opts.cpuRequest()))
        .addToRequests("memory", new Quantity(opts.memoryRequest()))
        .build();
  }

  /**
   * The restricted profile; images listed in {@link TektonOptions#rootImages} run as uid 0 but
   * still unprivileged and without escalation (Kaniko needs root inside its own container).
   */
  public SecurityContext security(String image) {
    SecurityContextBuilder b =
        new SecurityContextBuilder()
            .withAllowPrivilegeEscalation(false)
            .withPrivileged(false)
            .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile();
    if (opts.mayRunAsRoot(image)) {
      return b.withRunAsNonRoot(false).withRunAsUser(0L).build();
    }
    return b.withRunAsNonRoot(true)
        .withRunAsUser(opts.runAsUser())
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .build();
  }

  /** Pod level: the source volume is writable by the non-root user through its group. */
  public PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder()
        .withFsGroup(opts.runAsUser())
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  /** The step's Secret volumes as read-only mounts (host paths were refused before). */
  public static List<VolumeMount> secretMounts(Step step) {
    List<VolumeMount> out = new ArrayList<>();
    for (Volume v : step.volumes()) {
      if (v.secret() != null) {
        out.add(new VolumeMountBuilder().withName(volumeName(v.secret())).withMountPath(v.path()).withReadOnly(true).build());
      }
    }
    return out;
  }

  /** One volume per Secret the steps mount, named after it; its keys become files. */
  public static List<io.fabric8.kubernetes.api.model.Volume> secretVolumes(List<Step> steps) {
    Map<String, io.fabric8.kubernetes.api.model.Volume> byName = new LinkedHashMap<>();
    for (Step step : steps) {
      for (Volume v : step.volumes()) {
        if (v.secret() != null) {
          byName.computeIfAbsent(
              v.secret(),
              s -> new VolumeBuilder().withName(volumeName(s)).withNewSecret().withSecretName(s).endSecret().build());
        }
      }
    }
    return List.copyOf(byName.values());
  }

  static String volumeName(String secret) {
    return KubeNames.label("secret-" + secret);
  }

  /** The script as Tekton runs it: without a {@code #!} line, {@code /bin/sh} with {@code set -e}. */
  public static String script(String run) {
    return run.startsWith("#!") ? run : "#!/bin/sh\nset -e\n" + run;
  }

  public String image(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isEmpty()) {
        return c;
      }
    }
    return opts.defaultImage();
  }
}
