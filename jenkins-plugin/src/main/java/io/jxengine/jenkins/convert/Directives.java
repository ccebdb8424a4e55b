package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.model.EnvVar;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Step;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;

/**
 * The directives a pipeline and a stage share: {@code environment}, {@code options},
 * {@code post}. They write into a {@link StageDraft} (the pipeline uses one for its own level).
 */
final class Directives {
  private final Ctx ctx;
  private final Values values;
  private final StepTranslator steps;
  private final StepTranslator.Durations durations;

  Directives(Ctx ctx, Values values, StepTranslator steps) {
    this.ctx = ctx;
    this.values = values;
    this.steps = steps;
    this.durations = new StepTranslator.Durations(ctx, values);
  }

  /** {@code NAME = 'value'}, {@code NAME = "${OTHER}"} and {@code NAME = credentials('id')}. */
  void environment(Call env, StageDraft target) {
    for (Statement st : env.body()) {
      if (!(st instanceof ExpressionStatement es)
          || !(es.getExpression() instanceof BinaryExpression b)
          || !b.getOperation().getText().equals("=")
          || !(b.getLeftExpression() instanceof VariableExpression name)) {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, st.getText());
        continue;
      }
      Expression value = b.getRightExpression();
      Optional<Call> call = Call.of(value);
      if (call.isPresent() && call.get().name().equals("credentials")) {
        values.plain(call.get().arg(0, null), "credentials").ifPresent(id ->
            target.addSecret(new SecretRef(name.getName(), id, "value", ctx.pos(st))));
        continue;
      }
      values.text(value).ifPresent(t -> {
        if (t.hasVars()) {
          ctx.report(Code.APPROXIMATED, value, name.getName() + " = " + value.getText(),
              "written as `" + t.shell() + "`; the engine passes environment values as they are, without expanding references");
        }
        target.env.removeIf(e -> e.name().equals(name.getName()));
        target.env.add(new EnvVar(name.getName(), t.shell(), ctx.pos(st)));
      });
    }
  }

  /**
   * {@code options { }}; {@code pipelineLevel} says where (a pipeline's timeout limits the run,
   * a stage's the stage). Returns the pipeline timeout, if one was set at pipeline level.
   */
  Duration options(Call options, StageDraft target, boolean pipelineLevel) {
    Duration runTimeout = null;
    for (Statement st : options.body()) {
      Optional<Call> o = Call.of(st);
      if (o.isEmpty()) {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, st.getText());
        continue;
      }
      Call c = o.get();
      switch (c.name()) {
        case "timeout" -> {
          Optional<Duration> d = durations.of(c, "MINUTES");
          if (d.isPresent() && pipelineLevel) {
            runTimeout = d.get();
          } else {
            d.ifPresent(x -> target.timeout = x);
          }
        }
        case "retry" -> values.integer(c.arg(0, "count"), "retry").ifPresent(n -> {
          target.retries = Math.max(0, n - 1);
          ctx.report(Code.APPROXIMATED, c.node(), "retry",
              "each step is retried up to " + (n - 1) + " more times, rather than the whole " + (pipelineLevel ? "pipeline" : "stage"));
        });
        case "skipDefaultCheckout" -> ctx.report(Code.NOT_NEEDED, c.node(), c.name(),
            "the engine prepares the workspace from the commit being built");
        case "timestamps" -> ctx.report(Code.NOT_NEEDED, c.node(), c.name(), "every log line is timestamped");
        case "disableConcurrentBuilds" -> ctx.report(Code.APPROXIMATED, c.node(), c.name(),
            "runs of one branch may overlap; a newer push to a pull request stops the older run");
        case "buildDiscarder", "ansiColor", "preserveStashes", "durabilityHint", "quietPeriod",
            "parallelsAlwaysFailFast", "skipStagesAfterUnstable", "newContainerPerStage", "checkoutToSubdirectory" ->
            ctx.report(Code.NOT_NEEDED, c.node(), c.name(), "the engine has no such setting");
        default -> ctx.report(Code.UNSUPPORTED_DIRECTIVE, c.node(), c.name(), "options");
      }
    }
    return runTimeout;
  }

  /** {@code post { }}: the conditions without an exact equivalent are mapped and reported. */
  void post(Call post, StageDraft target, StepScope scope) {
    List<Step> cleanup = new java.util.ArrayList<>();
    for (Statement st : post.body()) {
      Optional<Call> o = Call.of(st);
      if (o.isEmpty()) {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, st.getText());
        continue;
      }
      Call c = o.get();
      switch (c.name()) {
        case "always" -> steps.steps(c.body(), scope, target, target.postAlways);
        case "success" -> steps.steps(c.body(), scope, target, target.postSuccess);
        case "failure" -> steps.steps(c.body(), scope, target, target.postFailure);
        case "cleanup" -> steps.steps(c.body(), scope, target, cleanup);
        case "fixed", "changed", "regression", "aborted", "unsuccessful" -> {
          String where = c.name().equals("fixed") ? "success" : c.name().equals("changed") ? "always" : "failure";
          ctx.report(Code.APPROXIMATED, c.node(), "post " + c.name(),
              "runs on every " + (where.equals("always") ? "run" : where) + " (`post." + where + "`): the engine does not compare with the previous run's result");
          steps.steps(c.body(), scope, target,
              where.equals("success") ? target.postSuccess : where.equals("always") ? target.postAlways : target.postFailure);
        }
        case "unstable" -> {
          ctx.report(Code.APPROXIMATED, c.node(), "post unstable",
              "runs on every failure (`post.failure`): the engine has no unstable result; failing tests recorded by `junit` fail the run");
          steps.steps(c.body(), scope, target, target.postFailure);
        }
        default -> ctx.report(Code.UNSUPPORTED_DIRECTIVE, c.node(), c.name(), "post");
      }
    }
    // Jenkins runs cleanup after every other condition
    target.postAlways.addAll(cleanup);
  }
}
