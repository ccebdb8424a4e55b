package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.model.Approval;
import io.jxengine.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.expr.Expression;

/**
 * Turns Jenkins' {@code input} (the step {@code input message: '...', ok: '...', submitter:
 * 'a,b'} and the stage directive {@code input { message '...' ... }}) into the engine's approval
 * gate step. What a gate cannot do is reported (JX610): it asks no questions, so
 * {@code parameters} and {@code submitterParameter} are left out.
 */
final class InputGate {
  private final Ctx ctx;
  private final Values values;

  InputGate(Ctx ctx, Values values) {
    this.ctx = ctx;
    this.values = values;
  }

  /** The step form; {@code timeout} comes from an enclosing {@code timeout { }} block, or null. */
  Optional<Step> step(Call c, String stage, Duration timeout) {
    Map<String, Expression> args = new LinkedHashMap<>(c.named());
    if (!c.args().isEmpty()) {
      args.putIfAbsent("message", c.args().get(0));
    }
    return gate(args, c.node(), stage, timeout);
  }

  /** The stage directive form: its body's calls are the arguments. */
  Optional<Step> directive(Call c, String stage, Duration timeout) {
    Map<String, Expression> args = new LinkedHashMap<>();
    for (Call d : c.bodyCalls()) {
      if (d.name().equals("parameters")) {
        ctx.report(Code.INPUT_GATE, d.node(), stage, "parameters");
      } else if (d.arg(0, null) != null) {
        args.put(d.name(), d.arg(0, null));
      }
    }
    return gate(args, c.node(), stage, timeout);
  }

  private Optional<Step> gate(
      Map<String, Expression> args, ASTNode at, String stage, Duration timeout) {
    for (String dropped : List.of("parameters", "submitterParameter")) {
      if (args.containsKey(dropped)) {
        ctx.report(Code.INPUT_GATE, args.get(dropped), stage, dropped);
      }
    }
    Expression message = args.get("message");
    if (message == null) {
      ctx.report(Code.BAD_ARGUMENT, at, "input", "needs a `message`");
      return Optional.empty();
    }
    Optional<String> text = values.text(message).map(ShellText::shell);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String ok = args.containsKey("ok") ? values.plain(args.get("ok"), "input ok").orElse(null) : null;
    List<String> submitters = new ArrayList<>();
    if (args.containsKey("submitter")) {
      values.plain(args.get("submitter"), "input submitter").ifPresent(s -> {
        for (String name : s.split(",")) {
          if (!name.isBlank()) {
            submitters.add(name.strip());
          }
        }
      });
    }
    String id = args.containsKey("id") ? values.plain(args.get("id"), "input id").orElse(null) : null;
    Approval approval = new Approval(text.get(), ok, submitters, timeout, ctx.pos(at));
    return Optional.of(Step.gate(id == null ? "approval" : id, approval, ctx.pos(at)));
  }
}
