package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code agent}: {@code any}, {@code none}, {@code label}/{@code node} (the engine has one
 * kind of agent, so a label only earns a note), {@code docker { image }} and
 * {@code kubernetes { yaml }} (the build container's image, and every container's image for
 * {@code container('name') { }} blocks).
 */
final class AgentReader {
  /** What an agent gives the steps: an image (null for the engine's default) and named containers. */
  record Agent(String image, Map<String, String> containers) {}

  private final Ctx ctx;
  private final Values values;

  AgentReader(Ctx ctx, Values values) {
    this.ctx = ctx;
    this.values = values;
  }

  Optional<Agent> read(Call agent) {
    if (!agent.hasBody()) {
      Expression a = agent.arg(0, null);
      if (a instanceof VariableExpression v && (v.getName().equals("any") || v.getName().equals("none"))) {
        return Optional.of(new Agent(null, Map.of()));
      }
      if (a != null) {
        return label(agent, a);
      }
      ctx.report(Code.BAD_ARGUMENT, agent.node(), "agent", "needs `any`, `none` or a block");
      return Optional.empty();
    }
    List<Call> kinds = agent.bodyCalls();
    if (kinds.size() != 1) {
      ctx.report(Code.BAD_ARGUMENT, agent.node(), "agent", "needs exactly one kind of agent");
      return Optional.empty();
    }
    Call k = kinds.get(0);
    switch (k.name()) {
      case "label":
        return label(k, k.arg(0, "label"));
      case "node":
        Optional<Call> lbl = k.bodyCalls().stream().filter(x -> x.name().equals("label")).findFirst();
        return lbl.isPresent() ? label(lbl.get(), lbl.get().arg(0, null)) : Optional.of(new Agent(null, Map.of()));
      case "docker":
        return docker(k);
      case "kubernetes":
        return kubernetes(k);
      case "dockerfile":
        ctx.reportWithHint(Code.UNSUPPORTED_DIRECTIVE, k.node(),
            "build and push the image in a step, then name it with `docker { image '...' }`", "dockerfile", "agent");
        return Optional.empty();
      default:
        ctx.report(Code.UNSUPPORTED_DIRECTIVE, k.node(), k.name(), "agent");
        return Optional.empty();
    }
  }

  private Optional<Agent> label(Call c, Expression label) {
    values.plain(label, "label").ifPresent(l ->
        ctx.report(Code.NOT_NEEDED, c.node(), "agent label '" + l + "'",
            "the engine runs every step on its own agent (or in the step's image on a cluster)"));
    return Optional.of(new Agent(null, Map.of()));
  }

  private Optional<Agent> docker(Call d) {
    Expression image = d.hasBody()
        ? d.bodyCalls().stream().filter(x -> x.name().equals("image")).findFirst().map(x -> x.arg(0, null)).orElse(null)
        : d.arg(0, "image");
    if (image == null) {
      ctx.report(Code.BAD_ARGUMENT, d.node(), "docker", "needs `image`");
      return Optional.empty();
    }
    for (Call x : d.bodyCalls()) {
      if (x.name().equals("args") || x.name().equals("registryUrl") || x.name().equals("registryCredentialsId")) {
        ctx.report(Code.APPROXIMATED, x.node(), "docker " + x.name(), "the engine starts containers itself; this setting is left out");
      }
    }
    return values.plain(image, "image").map(i -> new Agent(i, Map.of()));
  }

  private Optional<Agent> kubernetes(Call k) {
    Map<String, Expression> settings = new LinkedHashMap<>();
    k.bodyCalls().forEach(x -> settings.put(x.name(), x.arg(0, null)));
    k.named().forEach(settings::put);
    if (settings.get("yaml") == null) {
      ctx.reportWithHint(Code.UNSUPPORTED_DIRECTIVE, k.node(),
          "inline the pod with `yaml '''...'''`", "kubernetes without yaml", "agent");
      return Optional.empty();
    }
    Optional<String> yaml = values.plain(settings.get("yaml"), "yaml");
    if (yaml.isEmpty()) {
      return Optional.empty();
    }
    String defaultContainer = settings.get("defaultContainer") == null ? null
        : values.plain(settings.get("defaultContainer"), "defaultContainer").orElse(null);
    Map<String, String> containers = containers(yaml.get());
    if (containers.isEmpty()) {
      ctx.report(Code.BAD_ARGUMENT, settings.get("yaml"), "kubernetes yaml", "no `spec.containers` with an `image`");
      return Optional.empty();
    }
    String image = defaultContainer != null ? containers.get(defaultContainer)
        : containers.entrySet().stream().filter(e -> !e.getKey().equals("jnlp")).map(Map.Entry::getValue).findFirst().orElse(null);
    if (containers.size() > 1) {
      ctx.report(Code.APPROXIMATED, k.node(), "kubernetes pod of " + containers.size() + " containers",
          "steps run in one container at a time; sidecars are not started");
    }
    return Optional.of(new Agent(image, containers));
  }

  /** Container name → image of a pod manifest; empty when it is not one. Never executes tags. */
  private static Map<String, String> containers(String yaml) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      if (doc instanceof Map<?, ?> m && m.get("spec") instanceof Map<?, ?> spec
          && spec.get("containers") instanceof List<?> list) {
        for (Object c : list) {
          if (c instanceof Map<?, ?> cm && cm.get("name") != null && cm.get("image") != null) {
            out.put(String.valueOf(cm.get("name")), String.valueOf(cm.get("image")));
          }
        }
      }
    } catch (RuntimeException e) {
      // not YAML: reported by the caller as "no containers"
    }
    return out;
  }
}
