package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.engine.PipelineSecrets;
import io.jxengine.model.EnvVar;
import io.jxengine.model.Triggers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;

/** The directives only a pipeline has: {@code parameters} and {@code triggers}. */
final class PipelineDirectives {
  private final Ctx ctx;
  private final Values values;

  PipelineDirectives(Ctx ctx, Values values) {
    this.ctx = ctx;
    this.values = values;
  }

  /** Each parameter becomes an environment variable holding its default value. */
  void parameters(Call params, StageDraft target) {
    boolean any = false;
    List<String> passwords = new ArrayList<>();
    for (Call p : params.bodyCalls()) {
      Optional<String> name = values.plain(p.arg(-1, "name"), "parameter name");
      if (name.isEmpty()) {
        if (p.named().get("name") == null) {
          ctx.report(Code.BAD_ARGUMENT, p.node(), p.name(), "needs `name:`");
        }
        continue;
      }
      Expression def = p.named().get("defaultValue");
      String value;
      switch (p.name()) {
        case "string", "text" -> value = def == null ? "" : values.plain(def, "defaultValue").orElse("");
        case "booleanParam" -> value = def instanceof ConstantExpression c && Boolean.TRUE.equals(c.getValue()) ? "true" : "false";
        case "choice" -> value = firstChoice(p.named().get("choices"));
        case "password" -> {
          value = def == null ? "" : values.plain(def, "defaultValue").orElse("");
          passwords.add(name.get());
        }
        default -> {
          ctx.report(Code.UNSUPPORTED_DIRECTIVE, p.node(), p.name(), "parameters");
          continue;
        }
      }
      target.env.removeIf(e -> e.name().equals(name.get()));
      target.env.add(new EnvVar(name.get(), value, ctx.pos(p.node())));
      any = true;
    }
    if (!passwords.isEmpty()) {
      // the engine masks these variables' values in logs, as it does secrets
      target.env.removeIf(e -> e.name().equals(PipelineSecrets.MASK_ENV));
      target.env.add(new EnvVar(PipelineSecrets.MASK_ENV, String.join(",", passwords), ctx.pos(params.node())));
    }
    if (any) {
      ctx.report(Code.APPROXIMATED, params.node(), "parameters",
          "each becomes a pipeline environment variable set to its default value"
              + (passwords.isEmpty() ? "" : "; password values are masked in logs (`JXE_MASK`)"));
    }
  }

  private String firstChoice(Expression choices) {
    if (choices instanceof ListExpression l && !l.getExpressions().isEmpty()) {
      return values.plain(l.getExpressions().get(0), "choices").orElse("");
    }
    return choices == null ? "" : values.plain(choices, "choices").map(s -> s.split("\n", -1)[0].strip()).orElse("");
  }

  /**
   * {@code triggers { cron(...) }}: a Jenkins multibranch job builds every push and pull request
   * besides its schedules, so the triggers keep those and add the schedules.
   */
  Triggers triggers(Call triggers) {
    List<Triggers.Cron> cron = new ArrayList<>();
    for (Call t : triggers.bodyCalls()) {
      switch (t.name()) {
        case "cron" -> values.plain(t.arg(0, "spec"), "cron").ifPresent(spec -> {
          for (String line : spec.split("\n")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
              continue;
            }
            String fixed = withoutH(s);
            if (!fixed.equals(s)) {
              ctx.report(Code.APPROXIMATED, t.node(), "cron '" + s + "'",
                  "written as `" + fixed + "`: Jenkins' `H` (a hash of the job name) becomes a fixed value");
            }
            cron.add(new Triggers.Cron(fixed, null, ctx.pos(t.node())));
          }
        });
        case "pollSCM" -> ctx.report(Code.NOT_NEEDED, t.node(), "pollSCM",
            "the server builds on push webhooks; `jxe import --poll` polls repositories without them");
        default -> ctx.report(Code.UNSUPPORTED_DIRECTIVE, t.node(), t.name(), "triggers");
      }
    }
    if (cron.isEmpty()) {
      return null;
    }
    return new Triggers(
        new Triggers.Push(List.of(), List.of(), List.of(), List.of(), ctx.pos(triggers.node())),
        new Triggers.PullRequest(List.of(), List.of(), List.of(), ctx.pos(triggers.node())),
        List.of(), cron, ctx.pos(triggers.node()));
  }

  /** Jenkins' {@code H}, {@code H/n} and {@code H(a-b)} as plain cron. */
  static String withoutH(String spec) {
    String[] fields = spec.split("\\s+");
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i]
          .replaceAll("H\\((\\d+)-\\d+\\)", "$1")
          .replaceAll("^H/", "*/")
          .replace("H", i == 2 || i == 3 ? "1" : "0"); // day of month and month start at 1
    }
    return String.join(" ", fields);
  }
}
