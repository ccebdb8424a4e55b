package io.jxengine.jenkins.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;

/**
 * One call of the Jenkins DSL, such as {@code stage('build') { ... }} or {@code sh script: 'x'}:
 * its name, positional and named arguments and its trailing block, read from Groovy's AST.
 *
 * @param body the statements of the trailing closure; empty when there is none
 * @param hasBody whether a closure was given (an empty one counts)
 */
record Call(
    String name, List<Expression> args, Map<String, Expression> named, List<Statement> body,
    boolean hasBody, ASTNode node) {

  /** The call a statement makes on the script itself ({@code foo(...)}), or empty. */
  static Optional<Call> of(Statement st) {
    if (st instanceof ExpressionStatement es) {
      return of(es.getExpression());
    }
    return Optional.empty();
  }

  static Optional<Call> of(Expression e) {
    if (!(e instanceof MethodCallExpression m) || !m.isImplicitThis()) {
      return Optional.empty();
    }
    String name = m.getMethodAsString();
    if (name == null) {
      return Optional.empty();
    }
    List<Expression> args = new ArrayList<>();
    Map<String, Expression> named = new LinkedHashMap<>();
    List<Statement> body = List.of();
    boolean hasBody = false;
    List<Expression> raw =
        m.getArguments() instanceof TupleExpression t ? t.getExpressions() : List.of(m.getArguments());
    for (Expression a : raw) {
      if (a instanceof MapExpression map) {
        for (MapEntryExpression me : map.getMapEntryExpressions()) {
          if (me.getKeyExpression() instanceof ConstantExpression k) {
            named.put(String.valueOf(k.getValue()), me.getValueExpression());
          }
        }
      } else if (a instanceof ClosureExpression c) {
        body = statements(c);
        hasBody = true;
      } else {
        args.add(a);
      }
    }
    return Optional.of(new Call(name, List.copyOf(args), named, body, hasBody, m));
  }

  /** The statements of a closure's block. */
  static List<Statement> statements(ClosureExpression c) {
    return c.getCode() instanceof BlockStatement b ? b.getStatements() : List.of(c.getCode());
  }

  /** The positional argument {@code i}, or the named one {@code key}; null when neither. */
  Expression arg(int i, String key) {
    if (key != null && named.containsKey(key)) {
      return named.get(key);
    }
    return i >= 0 && i < args.size() ? args.get(i) : null;
  }

  /** The calls of the body; other statements are reported by the caller. */
  List<Call> bodyCalls() {
    return body.stream().map(Call::of).flatMap(Optional::stream).toList();
  }
}
