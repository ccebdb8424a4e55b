package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.BooleanExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.NotExpression;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.ReturnStatement;
import org.codehaus.groovy.ast.stmt.Statement;

/** Reads a stage's {@code when { }} into a {@link Cond}; what it cannot read is reported. */
final class WhenReader {
  private final Ctx ctx;
  private final Values values;

  WhenReader(Ctx ctx, Values values) {
    this.ctx = ctx;
    this.values = values;
  }

  /** The AND of the block's conditions; null when it has none. */
  Cond read(Call when) {
    List<Cond> all = conditions(when.body(), "when");
    return all.isEmpty() ? null : all.size() == 1 ? all.get(0) : new Cond.All(all);
  }

  private List<Cond> conditions(List<Statement> body, String where) {
    List<Cond> out = new ArrayList<>();
    for (Statement st : body) {
      Optional<Call> call = Call.of(st);
      if (call.isEmpty()) {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, st.getText());
        continue;
      }
      condition(call.get(), where).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Cond> condition(Call c, String where) {
    switch (c.name()) {
      case "branch":
        return pattern(c).map(Cond.Branch::new);
      case "tag":
        return pattern(c).map(Cond.Tag::new);
      case "buildingTag":
        return Optional.of(new Cond.Event("tag"));
      case "changeRequest":
        Cond pr = new Cond.Event("pull_request");
        Expression target = c.named().get("target");
        if (target != null) {
          return values.plain(target, "changeRequest target")
              .map(t -> Cond.and(pr, new Cond.EnvEquals("PULL_BASE_REF", t)));
        }
        if (!c.named().isEmpty()) {
          ctx.report(Code.UNSUPPORTED_DIRECTIVE, c.node(), "changeRequest " + String.join(", ", c.named().keySet()), where);
        }
        return Optional.of(pr);
      case "changeset":
        return pattern(c).map(Cond.Changeset::new);
      case "environment":
        Optional<String> name = values.plain(c.arg(-1, "name"), "environment name");
        Optional<String> value = values.plain(c.arg(-1, "value"), "environment value");
        if (name.isEmpty() || value.isEmpty()) {
          if (c.named().get("name") == null || c.named().get("value") == null) {
            ctx.report(Code.BAD_ARGUMENT, c.node(), "environment", "needs `name:` and `value:`");
          }
          return Optional.empty();
        }
        return Optional.of(new Cond.EnvEquals(name.get(), value.get()));
      case "triggeredBy":
        return values.plain(c.arg(0, "cause"), "triggeredBy").flatMap(t -> triggeredBy(c, t));
      case "not":
        List<Cond> inner = conditions(c.body(), "not");
        if (inner.size() != 1) {
          ctx.report(Code.BAD_ARGUMENT, c.node(), "not", "needs exactly one condition");
          return Optional.empty();
        }
        return Optional.of(new Cond.Not(inner.get(0)));
      case "allOf":
        return Optional.of(new Cond.All(conditions(c.body(), "allOf")));
      case "anyOf":
        return Optional.of(new Cond.Any(conditions(c.body(), "anyOf")));
      case "expression":
        return expression(c);
      case "beforeAgent", "beforeInput", "beforeOptions":
        return Optional.empty(); // the engine has no agent or input to wait for first
      default:
        ctx.report(Code.UNSUPPORTED_DIRECTIVE, c.node(), c.name(), where);
        return Optional.empty();
    }
  }

  private Optional<Cond> triggeredBy(Call c, String cause) {
    String event =
        switch (cause) {
          case "TimerTrigger", "TimerTriggerCause" -> "cron";
          case "SCMTrigger", "BranchIndexingCause", "BranchEventCause" -> "push";
          case "UserIdCause", "UserCause" -> "manual";
          default -> null;
        };
    if (event == null) {
      ctx.report(Code.UNSUPPORTED_DIRECTIVE, c.node(), "triggeredBy " + cause, "when");
      return Optional.empty();
    }
    return Optional.of(new Cond.Event(event));
  }

  private Optional<String> pattern(Call c) {
    Expression comparator = c.named().get("comparator");
    if (comparator != null) {
      Optional<String> kind = values.plain(comparator, "comparator");
      if (kind.isPresent() && kind.get().equals("EQUALS")) {
        return values.plain(c.arg(0, "pattern"), c.name()).map(p -> p.replace("*", "\\*"));
      }
      if (kind.isPresent() && !kind.get().equals("GLOB")) {
        ctx.report(Code.UNSUPPORTED_DIRECTIVE, comparator, "comparator " + kind.get(), c.name());
        return Optional.empty();
      }
    }
    Expression p = c.arg(0, "pattern");
    if (p == null) {
      ctx.report(Code.BAD_ARGUMENT, c.node(), c.name(), "needs a pattern");
      return Optional.empty();
    }
    return values.plain(p, c.name());
  }

  /** {@code expression { }} when it is a simple comparison of environment values. */
  private Optional<Cond> expression(Call c) {
    if (c.body().size() != 1) {
      ctx.report(Code.UNSUPPORTED_EXPRESSION, c.node(), "an expression block of " + c.body().size() + " statements");
      return Optional.empty();
    }
    Statement st = c.body().get(0);
    Expression e =
        st instanceof ReturnStatement r ? r.getExpression()
            : st instanceof ExpressionStatement es ? es.getExpression() : null;
    Optional<Cond> cond = e == null ? Optional.empty() : expr(e);
    if (cond.isEmpty()) {
      ctx.report(Code.UNSUPPORTED_EXPRESSION, st, (e == null ? st : e).getText());
    }
    return cond;
  }

  private Optional<Cond> expr(Expression e) {
    if (e instanceof BooleanExpression b) {
      return expr(b.getExpression());
    }
    if (e instanceof NotExpression n) {
      return expr(n.getExpression()).map(Cond.Not::new);
    }
    if (e instanceof ConstantExpression k && k.getValue() instanceof Boolean v) {
      return Optional.of(new Cond.Const(v));
    }
    Optional<String> ref = Values.envRef(e);
    if (ref.isPresent()) {
      return Optional.of(new Cond.EnvEquals(ref.get(), "true"));
    }
    if (!(e instanceof BinaryExpression b)) {
      return Optional.empty();
    }
    String op = b.getOperation().getText();
    if (op.equals("&&") || op.equals("||")) {
      Optional<Cond> l = expr(b.getLeftExpression());
      Optional<Cond> r = expr(b.getRightExpression());
      if (l.isEmpty() || r.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(op.equals("&&") ? new Cond.All(List.of(l.get(), r.get())) : new Cond.Any(List.of(l.get(), r.get())));
    }
    if (!op.equals("==") && !op.equals("!=")) {
      return Optional.empty();
    }
    Optional<Cond> eq = comparison(b.getLeftExpression(), b.getRightExpression())
        .or(() -> comparison(b.getRightExpression(), b.getLeftExpression()));
    return op.equals("==") ? eq : eq.map(Cond.Not::new);
  }

  private static Optional<Cond> comparison(Expression var, Expression constant) {
    Optional<String> ref = Values.envRef(var);
    if (ref.isEmpty() || !(constant instanceof ConstantExpression k) || k.getValue() == null) {
      return Optional.empty();
    }
    return Optional.of(new Cond.EnvEquals(ref.get(), String.valueOf(k.getValue())));
  }
}
