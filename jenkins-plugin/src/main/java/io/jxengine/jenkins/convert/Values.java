package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;

/**
 * Reads argument values out of Groovy expressions without evaluating anything: constants,
 * interpolated strings whose values are environment references, {@code +} of those, lists.
 * Anything else is reported ({@code JX606}) and read as empty.
 */
final class Values {
  /** Jenkins variables that the engine calls differently. */
  private static final Map<String, String> RENAMED_VARS =
      Map.of(
          "TAG_NAME", "JX_TAG",
          "CHANGE_ID", "PULL_NUMBER",
          "CHANGE_TARGET", "PULL_BASE_REF",
          "CHANGE_BRANCH", "BRANCH_NAME",
          "CHANGE_TITLE", "JX_PULL_TITLE",
          "GIT_COMMIT", "JX_COMMIT_SHA",
          "GIT_URL", "JX_GIT_URL",
          "CHANGE_AUTHOR", "JX_AUTHOR");

  private final Ctx ctx;

  Values(Ctx ctx) {
    this.ctx = ctx;
  }

  /** The text of {@code e}; reports and gives empty for what is not text. */
  Optional<ShellText> text(Expression e) {
    if (e == null) {
      return Optional.empty();
    }
    if (e instanceof ConstantExpression c && c.getValue() != null) {
      return Optional.of(ShellText.literal(String.valueOf(c.getValue())));
    }
    if (e instanceof GStringExpression g) {
      List<Object> parts = new ArrayList<>();
      List<ConstantExpression> strings = g.getStrings();
      List<Expression> values = g.getValues();
      for (int i = 0; i < strings.size(); i++) {
        parts.add(String.valueOf(strings.get(i).getValue()));
        if (i < values.size()) {
          Optional<String> var = envRef(values.get(i));
          if (var.isEmpty()) {
            ctx.report(Code.UNSUPPORTED_EXPRESSION, values.get(i), values.get(i).getText());
            return Optional.empty();
          }
          parts.add(new ShellText.Var(var.get()));
        }
      }
      return Optional.of(new ShellText(parts));
    }
    if (e instanceof BinaryExpression b && b.getOperation().getText().equals("+")) {
      Optional<ShellText> left = text(b.getLeftExpression());
      Optional<ShellText> right = left.isEmpty() ? Optional.empty() : text(b.getRightExpression());
      return right.map(r -> left.get().concat(r));
    }
    Optional<String> var = envRef(e);
    if (var.isPresent()) {
      return Optional.of(new ShellText(List.of(new ShellText.Var(var.get()))));
    }
    ctx.report(Code.UNSUPPORTED_EXPRESSION, e, e.getText());
    return Optional.empty();
  }

  /** Text without references (a name, an image); reports references and other expressions. */
  Optional<String> plain(Expression e, String what) {
    Optional<ShellText> t = text(e);
    if (t.isPresent() && t.get().hasVars()) {
      ctx.report(Code.BAD_ARGUMENT, e, what, "must be a constant; `" + e.getText() + "` is resolved only when the build runs");
      return Optional.empty();
    }
    return t.map(ShellText::shell);
  }

  /**
   * Text where references to {@code known} variables (a matrix cell's axes, constant stage
   * environment) are replaced by their values; other references are reported.
   */
  Optional<String> plain(Expression e, String what, Map<String, String> known) {
    Optional<ShellText> t = text(e);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    List<Object> parts = new ArrayList<>();
    for (Object p : t.get().parts()) {
      parts.add(p instanceof ShellText.Var v && known.containsKey(v.name()) ? known.get(v.name()) : p);
    }
    ShellText resolved = new ShellText(parts);
    if (resolved.hasVars()) {
      ctx.report(Code.BAD_ARGUMENT, e, what, "must be a constant; `" + e.getText() + "` is resolved only when the build runs");
      return Optional.empty();
    }
    return Optional.of(resolved.shell());
  }

  /** Text, or a list of texts ({@code ['a', 'b']}), as a list. */
  List<String> plainList(Expression e, String what) {
    List<String> out = new ArrayList<>();
    if (e instanceof ListExpression l) {
      l.getExpressions().forEach(x -> plain(x, what).ifPresent(out::add));
    } else if (e != null) {
      plain(e, what).ifPresent(out::add);
    }
    return out;
  }

  Optional<Integer> integer(Expression e, String what) {
    if (e instanceof ConstantExpression c && c.getValue() instanceof Number n) {
      return Optional.of(n.intValue());
    }
    if (e instanceof ConstantExpression c && c.getValue() instanceof String s && s.trim().matches("\\d{1,9}")) {
      return Optional.of(Integer.parseInt(s.trim()));
    }
    if (e != null) {
      ctx.report(Code.BAD_ARGUMENT, e, what, "expected a number, found `" + e.getText() + "`");
    }
    return Optional.empty();
  }

  /**
   * The environment variable an expression reads: {@code env.X}, {@code params.X}, a bare
   * {@code X}, {@code currentBuild.number}; Jenkins names mapped to the engine's.
   */
  static Optional<String> envRef(Expression e) {
    String name = null;
    if (e instanceof VariableExpression v && !v.isThisExpression() && !v.isSuperExpression()) {
      name = v.getName();
    } else if (e instanceof PropertyExpression p
        && p.getObjectExpression() instanceof VariableExpression o
        && p.getPropertyAsString() != null) {
      switch (o.getName()) {
        case "env", "params" -> name = p.getPropertyAsString();
        case "currentBuild" -> name = p.getPropertyAsString().equals("number") ? "BUILD_NUMBER" : null;
        default -> name = null;
      }
    }
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return Optional.empty();
    }
    return Optional.of(RENAMED_VARS.getOrDefault(name, name));
  }
}
