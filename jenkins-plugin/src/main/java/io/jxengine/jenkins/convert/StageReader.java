package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.ast.stmt.Statement;

/**
 * Reads {@code stages { }}: stages with steps, nested sequential {@code stages}, {@code parallel}
 * and {@code matrix}, into a flat list of {@link StageDraft}s in file order. Each draft records
 * the stages it follows, so that parallel branches can become a DAG ({@code needs:}).
 */
final class StageReader {
  private final Ctx ctx;
  private final Values values;
  private final StepTranslator steps;
  private final Directives directives;
  private final AgentReader agents;
  private final WhenReader whens;
  private final MatrixExpander matrix;
  final List<StageDraft> out = new ArrayList<>();
  boolean parallel;

  StageReader(Ctx ctx, Values values) {
    this.ctx = ctx;
    this.values = values;
    this.steps = new StepTranslator(ctx, values);
    this.directives = new Directives(ctx, values, steps);
    this.agents = new AgentReader(ctx, values);
    this.whens = new WhenReader(ctx, values);
    this.matrix = new MatrixExpander(ctx, values);
  }

  StepTranslator steps() {
    return steps;
  }

  Directives directives() {
    return directives;
  }

  /** Places the stages of a {@code stages { }} body after {@code frontier}; returns the new frontier. */
  List<StageDraft> stages(List<Statement> body, List<StageDraft> frontier, StageDraft parent) {
    List<StageDraft> f = frontier;
    for (Statement st : body) {
      Optional<Call> c = Call.of(st);
      if (c.isEmpty() || !c.get().name().equals("stage")) {
        ctx.report(Code.UNSUPPORTED_DIRECTIVE, st, c.map(Call::name).orElse(st.getText()), "stages");
        continue;
      }
      f = stage(c.get(), f, parent);
    }
    return f;
  }

  List<StageDraft> stage(Call stage, List<StageDraft> frontier, StageDraft parent) {
    String name = values.plain(stage.arg(0, "name"), "stage name").orElse("stage");
    StageDraft draft = parent.child(name, ctx.pos(stage.node()));
    Call stepsBlock = null;
    Call nested = null;
    Call parallelBlock = null;
    Call matrixBlock = null;
    Call post = null;
    Call input = null;
    for (Call c : directivesOf(stage)) {
      switch (c.name()) {
        case "agent" -> agents.read(c).ifPresent(a -> {
          draft.image = a.image();
          draft.containers = a.containers();
        });
        case "environment" -> directives.environment(c, draft);
        case "options" -> directives.options(c, draft, false);
        case "when" -> draft.cond = Cond.and(draft.cond, whens.read(c));
        case "input" -> input = c;
        case "tools" -> ctx.report(Code.APPROXIMATED, c.node(), "tools",
            "the tools come from the step's image (or the engine's host); choose an image that has them");
        case "steps" -> stepsBlock = c;
        case "stages" -> nested = c;
        case "parallel" -> parallelBlock = c;
        case "matrix" -> matrixBlock = c;
        case "post" -> post = c;
        case "failFast" -> ctx.report(Code.NOT_NEEDED, c.node(), "failFast", "a failed stage stops the stages that need it");
        default -> ctx.report(Code.UNSUPPORTED_DIRECTIVE, c.node(), c.name(), "stage");
      }
    }
    List<StageDraft> result;
    if (input != null) {
      input(input, draft, stepsBlock != null);
    }
    if (stepsBlock != null) {
      steps.steps(stepsBlock.body(), scopeOf(draft), draft, draft.steps);
      draft.needs = frontier;
      out.add(draft);
      result = List.of(draft);
    } else if (nested != null) {
      result = stages(nested.body(), frontier, draft);
    } else if (parallelBlock != null) {
      parallel = true;
      result = new ArrayList<>();
      for (Statement st : parallelBlock.body()) {
        Optional<Call> c = Call.of(st);
        if (c.isPresent() && c.get().name().equals("stage")) {
          result.addAll(stage(c.get(), frontier, draft));
        } else {
          ctx.report(Code.UNSUPPORTED_DIRECTIVE, st, c.map(Call::name).orElse(st.getText()), "parallel");
        }
      }
    } else if (matrixBlock != null) {
      parallel = true;
      result = new ArrayList<>();
      for (MatrixExpander.Cell cell : matrix.cells(matrixBlock)) {
        StageDraft cellParent = draft.child(name, draft.pos);
        // the cell's stages are named after the matrix stage and the cell's values
        cellParent.prefix = draft.jenkinsName + "-" + String.join("-", cell.values()) + "-";
        cell.env().forEach(e -> {
          cellParent.env.removeIf(x -> x.name().equals(e.name()));
          cellParent.env.add(e);
        });
        List<StageDraft> f = frontier;
        for (Call c : matrix.directives(matrixBlock)) {
          switch (c.name()) {
            case "agent" -> agents.read(c).ifPresent(a -> {
              cellParent.image = a.image();
              cellParent.containers = a.containers();
            });
            case "environment" -> directives.environment(c, cellParent);
            case "when" -> cellParent.cond = Cond.and(cellParent.cond, whens.read(c));
            case "stages" -> f = stages(c.body(), f, cellParent);
            default -> { } // axes and excludes are read by the expander; others reported there
          }
        }
        result.addAll(f);
      }
    } else {
      ctx.report(Code.BAD_ARGUMENT, stage.node(), "stage '" + name + "'", "needs `steps`, `stages`, `parallel` or `matrix`");
      result = frontier;
    }
    if (post != null) {
      StageDraft last = stepsBlock != null ? draft : result.isEmpty() ? null : result.get(result.size() - 1);
      if (last == null) {
        return result;
      }
      if (last != draft) {
        ctx.report(Code.APPROXIMATED, post.node(), "post of stage '" + name + "'",
            "moved to its last stage `" + last.jenkinsName + "`");
      }
      directives.post(post, last, scopeOf(last));
    }
    return result;
  }

  /**
   * A stage's {@code input}: an approval gate before its steps. A stage of nested or parallel
   * stages has no steps to put it before: it and the stages after it then run only on event
   * {@code manual}.
   */
  private void input(Call input, StageDraft draft, boolean hasSteps) {
    if (hasSteps) {
      new InputGate(ctx, values).directive(input, draft.jenkinsName, null).ifPresent(draft.steps::add);
      return;
    }
    ctx.report(Code.APPROXIMATED, input.node(), "input of stage '" + draft.jenkinsName + "'",
        "a stage of nested or parallel stages has no steps to wait before: it and the stages after it"
            + " run only on event `manual` (`jxe run --event manual`); put the input in a stage with steps");
    draft.cond = Cond.and(draft.cond, new Cond.Event("manual"));
    draft.gated = true;
  }

  /** Jenkins waits at an {@code input} before every later stage: gate those stages too. */
  void gateAfterInputs() {
    boolean gate = false;
    for (StageDraft d : out) {
      if (d.gated) {
        gate = true;
      } else if (gate) {
        d.cond = Cond.and(d.cond, new Cond.Event("manual"));
      }
    }
  }

  static StepScope scopeOf(StageDraft d) {
    return StepScope.ROOT.withRetries(d.retries);
  }

  /** The calls of a stage's body; other statements are reported. */
  private List<Call> directivesOf(Call stage) {
    List<Call> calls = new ArrayList<>();
    for (Statement st : stage.body()) {
      Optional<Call> c = Call.of(st);
      if (c.isEmpty()) {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, st.getText());
      } else {
        calls.add(c.get());
      }
    }
    return calls;
  }

  static EnvVar env(String name, String value, StageDraft at) {
    return new EnvVar(name, value, at.pos);
  }
}
