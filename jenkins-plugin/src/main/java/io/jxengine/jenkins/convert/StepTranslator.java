package io.jxengine.jenkins.convert;

import io.jxengine.diag.Code;
import io.jxengine.model.EnvVar;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.Statement;

/**
 * Turns the statements of a {@code steps { }} (or {@code post} condition, or {@code script { }})
 * block into shell steps of the model. Blocks such as {@code dir}, {@code withEnv},
 * {@code withCredentials}, {@code timeout} and {@code retry} become settings of the steps inside
 * them; credentials become secrets of the stage. Unsupported steps are reported with a hint.
 */
final class StepTranslator {
  private static final Set<String> WINDOWS = Set.of("bat", "powershell");
  private static final Set<String> NOTIFICATIONS = Set.of("mail", "emailext", "slackSend", "office365ConnectorSend");

  private final Ctx ctx;
  private final Values values;
  private final Durations durations;

  StepTranslator(Ctx ctx, Values values) {
    this.ctx = ctx;
    this.values = values;
    this.durations = new Durations(ctx, values);
  }

  /** Appends the steps of {@code body} to {@code out}; gates and secrets go to {@code stage}. */
  void steps(List<Statement> body, StepScope scope, StageDraft stage, List<Step> out) {
    for (Statement st : body) {
      Optional<Call> call = Call.of(st);
      if (call.isEmpty()) {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, st, st.getText());
        continue;
      }
      step(call.get(), scope, stage, out);
    }
  }

  private void step(Call c, StepScope scope, StageDraft stage, List<Step> out) {
    switch (c.name()) {
      case "sh" -> sh(c, scope, out);
      case "echo" -> values.text(c.arg(0, "message"))
          .ifPresent(t -> add(out, c, null, "echo " + t.quoted(), scope));
      case "error" -> values.text(c.arg(0, "message"))
          .ifPresent(t -> add(out, c, null, "echo " + t.quoted() + " >&2\nexit 1", scope));
      case "sleep" -> durations.of(c, "SECONDS")
          .ifPresent(d -> add(out, c, null, "sleep " + Math.max(1, d.toSeconds()), scope));
      case "writeFile" -> writeFile(c, scope, out);
      case "deleteDir", "cleanWs" -> add(out, c, null, "find . -mindepth 1 -delete", scope);
      case "dir" -> values.plain(c.arg(0, "path"), "dir", known(stage)).flatMap(d -> checkDir(c, d))
          .ifPresent(d -> steps(c.body(), scope.withDir(d), stage, out));
      case "withEnv" -> steps(c.body(), withEnv(c, scope), stage, out);
      case "withCredentials" -> steps(c.body(), withCredentials(c, scope, stage), stage, out);
      case "timeout" -> durations.of(c, "MINUTES")
          .ifPresent(d -> steps(c.body(), scope.withTimeout(d), stage, out));
      case "retry" -> values.integer(c.arg(0, "count"), "retry")
          .ifPresent(n -> steps(c.body(), scope.withRetries(Math.max(0, n - 1)), stage, out));
      case "container" -> container(c, scope, stage, out);
      case "script" -> steps(c.body(), scope, stage, out);
      case "checkout" -> checkout(c);
      case "stash", "unstash" -> ctx.report(Code.NOT_NEEDED, c.node(), c.name(),
          "the stages of a run share one workspace");
      case "archiveArtifacts" -> ctx.report(Code.APPROXIMATED, c.node(), c.name(),
          "the engine keeps no artifacts; the files stay in the workspace (`jxe run --keep-workspace`)");
      case "junit" -> junit(c, scope, stage, out);
      case "input" -> new InputGate(ctx, values).step(c, stage.jenkinsName, scope.timeout())
          .ifPresent(out::add);
      default -> unsupported(c);
    }
  }

  private void sh(Call c, StepScope scope, List<Step> out) {
    Optional<ShellText> script = values.text(c.arg(0, "script"));
    if (script.isEmpty()) {
      if (c.arg(0, "script") == null) {
        ctx.report(Code.BAD_ARGUMENT, c.node(), "sh", "needs a script");
      }
      return;
    }
    String run = script.get().shell().stripIndent().strip();
    if (c.named().containsKey("returnStdout") || c.named().containsKey("returnStatus")) {
      ctx.report(Code.APPROXIMATED, c.node(), "sh returnStatus/returnStdout",
          "the result is not available to later steps; a failure of this step is ignored");
      run = "set +e\n" + run + "\nexit 0";
    }
    String label = c.named().get("label") == null ? null
        : values.plain(c.named().get("label"), "label").orElse(null);
    add(out, c, label, run, scope);
  }

  private void writeFile(Call c, StepScope scope, List<Step> out) {
    Optional<ShellText> file = values.text(c.arg(0, "file"));
    Optional<ShellText> text = values.text(c.arg(1, "text"));
    if (file.isPresent() && text.isPresent()) {
      add(out, c, null, "printf '%s' " + text.get().quoted() + " > " + file.get().quoted(), scope);
    }
  }

  private Optional<String> checkDir(Call c, String d) {
    if (d.startsWith("/") || List.of(d.split("/")).contains("..")) {
      ctx.report(Code.BAD_ARGUMENT, c.node(), "dir", "`" + d + "` must stay inside the workspace (relative, without `..`)");
      return Optional.empty();
    }
    return Optional.of(d.replaceAll("/+$", ""));
  }

  private StepScope withEnv(Call c, StepScope scope) {
    List<EnvVar> env = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    Expression list = c.arg(0, null);
    List<Expression> items = list instanceof ListExpression l ? l.getExpressions() : list == null ? List.of() : List.of(list);
    for (Expression item : items) {
      values.text(item).ifPresent(t -> {
        String shell = t.shell();
        int eq = shell.indexOf('=');
        String name = eq < 0 ? "" : shell.substring(0, eq);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          ctx.report(Code.BAD_ARGUMENT, item, "withEnv", "entries are `NAME=value`");
        } else if (t.hasVars()) {
          // the shell expands references, as Groovy did when the build ran
          lines.add("export " + name + "=" + t.dropPrefix(eq + 1).quoted());
        } else {
          env.add(new EnvVar(name, shell.substring(eq + 1), ctx.pos(item)));
        }
      });
    }
    return scope.withEnv(env, lines);
  }

  private StepScope withCredentials(Call c, StepScope scope, StageDraft stage) {
    Expression list = c.arg(0, null);
    List<Expression> items = list instanceof ListExpression l ? l.getExpressions() : list == null ? List.of() : List.of(list);
    List<String> lines = new ArrayList<>();
    for (Expression item : items) {
      Optional<Call> b = Call.of(item);
      if (b.isEmpty()) {
        ctx.report(Code.UNSUPPORTED_EXPRESSION, item, item.getText());
        continue;
      }
      Call binding = b.get();
      Optional<String> id = values.plain(binding.arg(-1, "credentialsId"), "credentialsId");
      if (id.isEmpty()) {
        continue;
      }
      switch (binding.name()) {
        case "string" -> variable(binding, "variable").ifPresent(v -> stage.addSecret(new SecretRef(v, id.get(), "value", ctx.pos(binding.node()))));
        case "usernamePassword", "usernameColonPassword" -> {
          variable(binding, "usernameVariable").ifPresent(v -> stage.addSecret(new SecretRef(v, id.get(), "username", ctx.pos(binding.node()))));
          variable(binding, "passwordVariable").ifPresent(v -> stage.addSecret(new SecretRef(v, id.get(), "password", ctx.pos(binding.node()))));
          variable(binding, "variable").ifPresent(v -> {
            stage.addSecret(new SecretRef(v + "_USR", id.get(), "username", ctx.pos(binding.node())));
            stage.addSecret(new SecretRef(v + "_PSW", id.get(), "password", ctx.pos(binding.node())));
            lines.add("export " + v + "=\"${" + v + "_USR}:${" + v + "_PSW}\"");
          });
        }
        case "file" -> variable(binding, "variable").ifPresent(v -> {
          stage.addSecret(new SecretRef(v + "_CONTENT", id.get(), "file", ctx.pos(binding.node())));
          // Jenkins hands the step a path; the engine hands it the content, written to a file here
          lines.add(v + "=\"$(mktemp)\"; printf '%s' \"${" + v + "_CONTENT}\" > \"$" + v + "\"; export " + v);
        });
        default -> ctx.report(Code.UNSUPPORTED_DIRECTIVE, binding.node(), binding.name(), "withCredentials");
      }
    }
    if (!items.isEmpty()) {
      ctx.report(Code.APPROXIMATED, c.node(), "withCredentials",
          "the secrets are given to every step of stage `" + stage.jenkinsName + "`, not only to the block");
    }
    return scope.withEnv(List.of(), lines);
  }

  private Optional<String> variable(Call binding, String key) {
    Expression e = binding.named().get(key);
    return e == null ? Optional.empty() : values.plain(e, key);
  }

  private void container(Call c, StepScope scope, StageDraft stage, List<Step> out) {
    Optional<String> name = values.plain(c.arg(0, "name"), "container");
    if (name.isEmpty()) {
      return;
    }
    String image = stage.containers.get(name.get());
    if (image == null) {
      ctx.report(Code.BAD_ARGUMENT, c.node(), "container", "no container `" + name.get() + "` in the stage's kubernetes agent");
      return;
    }
    steps(c.body(), scope.withImage(image), stage, out);
  }

  private void checkout(Call c) {
    if (c.args().size() == 1 && c.args().get(0) instanceof VariableExpression v && v.getName().equals("scm")) {
      ctx.report(Code.NOT_NEEDED, c.node(), "checkout scm", "the engine checks out the commit being built");
    } else {
      ctx.reportWithHint(Code.UNSUPPORTED_STEP, c.node(),
          "the engine checks out the repository being built; clone others with `sh 'git clone ...'`", c.name());
    }
  }

  /** The stage's constant environment (a matrix cell's axes among it), for paths that name it. */
  private static java.util.Map<String, String> known(StageDraft stage) {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    stage.env.forEach(e -> m.put(e.name(), e.value()));
    return m;
  }

  private void junit(Call c, StepScope scope, StageDraft stage, List<Step> out) {
    Optional<String> pattern = values.plain(c.arg(0, "testResults"), "junit testResults", known(stage));
    if (pattern.isEmpty()) {
      return;
    }
    io.jxengine.model.Pos pos = ctx.pos(c.node());
    out.add(new Step("junit", null, scope.image(), scope.dir(), scope.env(), scope.timeout(), scope.retries(),
        JunitScript.uses(pattern.get(), flag(c, "allowEmptyResults"), flag(c, "skipMarkingBuildUnstable"), pos), pos));
  }

  private static boolean flag(Call c, String name) {
    return c.named().get(name) != null && "true".equals(c.named().get(name).getText());
  }

  private void unsupported(Call c) {
    if (WINDOWS.contains(c.name())) {
      ctx.reportWithHint(Code.UNSUPPORTED_STEP, c.node(), "`" + c.name() + "` needs a Windows agent; jx-engine runs Linux steps", c.name());
    } else if (NOTIFICATIONS.contains(c.name())) {
      ctx.report(Code.APPROXIMATED, c.node(), c.name(),
          "left out: the engine reports commit statuses; send other notifications from a shell step");
    } else if (c.name().equals("parallel")) {
      ctx.reportWithHint(Code.UNSUPPORTED_STEP, c.node(), "write parallel branches as parallel stages", c.name());
    } else {
      ctx.report(Code.UNSUPPORTED_STEP, c.node(), c.name());
    }
  }

  private void add(List<Step> out, Call c, String label, String run, StepScope scope) {
    out.add(new Step(label, scope.script(run), scope.image(), scope.dir(), scope.env(), scope.timeout(), scope.retries(), null, ctx.pos(c.node())));
  }

  /** Reads {@code timeout}/{@code sleep} arguments: {@code (time: 5, unit: 'MINUTES')} or {@code (5)}. */
  static final class Durations {
    private final Ctx ctx;
    private final Values values;

    Durations(Ctx ctx, Values values) {
      this.ctx = ctx;
      this.values = values;
    }

    Optional<Duration> of(Call c, String defaultUnit) {
      Optional<Integer> n = values.integer(c.arg(0, "time"), c.name());
      if (n.isEmpty()) {
        if (c.arg(0, "time") == null) {
          ctx.report(Code.BAD_ARGUMENT, c.node(), c.name(), "needs `time:`");
        }
        return Optional.empty();
      }
      String unit = c.named().get("unit") == null ? defaultUnit : values.plain(c.named().get("unit"), "unit").orElse(defaultUnit);
      try {
        java.util.concurrent.TimeUnit tu = java.util.concurrent.TimeUnit.valueOf(unit);
        return Optional.of(Duration.ofNanos(tu.toNanos(n.get())));
      } catch (IllegalArgumentException e) {
        ctx.report(Code.BAD_ARGUMENT, c.named().get("unit"), "unit", "`" + unit + "` is not a time unit such as MINUTES");
        return Optional.empty();
      }
    }
  }
}
