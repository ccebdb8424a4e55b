package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Post;
import io.jxengine.model.Pos;
import io.jxengine.model.Stage;
import io.jxengine.model.Triggers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.stmt.Statement;

/**
 * Converts a Jenkinsfile into the engine's pipeline model. The file is parsed with Groovy's
 * parser into a syntax tree, which is read as Jenkins' declarative syntax; no Groovy is
 * resolved or run. Every construct that cannot be converted exactly is a diagnostic with its
 * line and column: errors for what is left out, warnings for approximations, infos for what the
 * engine does not need.
 *
 * <p>Stateless and thread-safe; each call works on its own state. Never throws for a user's
 * file: invalid Groovy, a file over 1 MiB, or no pipeline block give a result with a null
 * pipeline and the diagnostics saying why.
 */
public final class JenkinsfileConverter {
  /** The {@code source} of converted pipelines, shown with their activities. */
  public static final String SOURCE = "jenkinsfile";

  /**
   * Converts {@code text}; {@code fileName} is how diagnostics name the file (for example
   * {@code Jenkinsfile}). The pipeline is named {@code default}.
   */
  public ConvertResult convert(String text, String fileName) {
    Ctx ctx = new Ctx(fileName);
    Optional<ModuleNode> module = GroovySource.parse(text, ctx);
    if (module.isEmpty()) {
      return new ConvertResult(null, ctx.diags.sorted());
    }
    Call pipeline = null;
    Call node = null;
    for (Statement st : module.get().getStatementBlock().getStatements()) {
      Optional<Call> c = Call.of(st);
      if (c.isPresent() && c.get().name().equals("pipeline") && pipeline == null) {
        pipeline = c.get();
      } else if (c.isPresent() && c.get().name().equals("node") && node == null) {
        node = c.get();
      } else if (isLibraryImport(st)) {
        ctx.reportWithHint(Code.UNSUPPORTED_DIRECTIVE, st,
            "shared-library steps are Groovy; replace them with shell steps or catalog steps (`uses:`)", "@Library", "Jenkinsfile");
      } else {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, firstLine(st.getText()));
      }
    }
    Pipeline result;
    if (pipeline != null) {
      result = declarative(pipeline, ctx);
    } else if (node != null) {
      ctx.report(Code.SCRIPTED_PIPELINE, node.node());
      result = scripted(node, ctx);
    } else {
      ctx.diags.report(Code.NO_JENKINS_PIPELINE, Pos.fileStart(fileName), "");
      result = null;
    }
    // a matrix reads its stages once per cell: the same finding is reported once
    return new ConvertResult(result, ctx.diags.sorted().stream().distinct().toList());
  }

  private Pipeline declarative(Call pipeline, Ctx ctx) {
    Values values = new Values(ctx);
    StageReader reader = new StageReader(ctx, values);
    PipelineDirectives only = new PipelineDirectives(ctx, values);
    StageDraft top = new StageDraft("pipeline", ctx.pos(pipeline.node()));
    StageDraft root = new StageDraft("pipeline", top.pos);
    Duration timeout = null;
    Triggers triggers = null;
    Call stages = null;
    Call post = null;
    boolean agent = false;
    for (Statement st : pipeline.body()) {
      Optional<Call> o = Call.of(st);
      if (o.isEmpty()) {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, firstLine(st.getText()));
        continue;
      }
      Call c = o.get();
      switch (c.name()) {
        case "agent" -> {
          agent = true;
          new AgentReader(ctx, values).read(c).ifPresent(a -> {
            top.image = a.image();
            root.containers = a.containers();
          });
        }
        case "environment" -> reader.directives().environment(c, top);
        case "options" -> {
          timeout = reader.directives().options(c, root, true);
        }
        case "parameters" -> only.parameters(c, top);
        case "triggers" -> triggers = only.triggers(c);
        case "tools" -> ctx.report(Code.APPROXIMATED, c.node(), "tools",
            "the tools come from the step's image (or the engine's host); choose an image that has them");
        case "libraries" -> ctx.reportWithHint(Code.UNSUPPORTED_DIRECTIVE, c.node(),
            "shared-library steps are Groovy; replace them with shell steps or catalog steps (`uses:`)", "libraries", "pipeline");
        case "stages" -> stages = c;
        case "post" -> post = c;
        default -> ctx.report(Code.UNSUPPORTED_DIRECTIVE, c.node(), c.name(), "pipeline");
      }
    }
    if (!agent) {
      ctx.report(Code.BAD_ARGUMENT, pipeline.node(), "pipeline", "needs `agent` (Jenkins refuses a pipeline without one)");
    }
    if (stages == null) {
      ctx.report(Code.BAD_ARGUMENT, pipeline.node(), "pipeline", "needs `stages`");
    } else {
      reader.stages(stages.body(), List.of(), root);
      reader.gateAfterInputs();
    }
    if (post != null) {
      reader.directives().post(post, top, StageReader.scopeOf(root));
    }
    List<Stage> converted = new Assembler(ctx).stages(reader.out, reader.parallel);
    Set<String> used = new HashSet<>();
    Post pipelinePost = new Post(
        Assembler.name(top.postAlways, "post-always", null, used, root),
        Assembler.name(top.postSuccess, "post-success", null, used, root),
        Assembler.name(top.postFailure, "post-failure", null, used, root),
        post == null ? top.pos : ctx.pos(post.node()));
    return new Pipeline("default", ctx.file, SOURCE, top.image, top.env, top.secrets, triggers, timeout, null,
        converted, List.of(), pipelinePost, top.pos);
  }

  /** {@code node { stage('x') { ... } }}: the stages and the steps that map. */
  private Pipeline scripted(Call node, Ctx ctx) {
    Values values = new Values(ctx);
    StepTranslator steps = new StepTranslator(ctx, values);
    StageDraft root = new StageDraft("node", ctx.pos(node.node()));
    List<StageDraft> drafts = new ArrayList<>();
    for (Statement st : node.body()) {
      Optional<Call> c = Call.of(st);
      if (c.isPresent() && c.get().name().equals("stage")) {
        String name = values.plain(c.get().arg(0, "name"), "stage name").orElse("stage");
        StageDraft d = root.child(name, ctx.pos(c.get().node()));
        steps.steps(c.get().body(), StepScope.ROOT, d, d.steps);
        drafts.add(d);
      } else {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, firstLine(st.getText()));
      }
    }
    List<Stage> converted = new Assembler(ctx).stages(drafts, false);
    return new Pipeline("default", ctx.file, SOURCE, null, List.of(), List.of(), null, null, null,
        converted, List.of(), Post.NONE, root.pos);
  }

  /** {@code @Library('name') _}: an annotated declaration. */
  private static boolean isLibraryImport(Statement st) {
    return st instanceof org.codehaus.groovy.ast.stmt.ExpressionStatement es
        && es.getExpression() instanceof org.codehaus.groovy.ast.expr.DeclarationExpression d
        && d.getAnnotations().stream().anyMatch(a -> a.getClassNode().getNameWithoutPackage().equals("Library"));
  }

  private static String firstLine(String text) {
    String t = text == null ? "" : text.strip();
    int nl = t.indexOf('\n');
    t = nl < 0 ? t : t.substring(0, nl);
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }
}
