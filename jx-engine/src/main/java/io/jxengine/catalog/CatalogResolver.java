package io.jxengine.catalog;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.diag.Texts;
import io.jxengine.model.EnvVar;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Pos;
import io.jxengine.model.Post;
import io.jxengine.model.SecretRef;
import io.jxengine.model.Stage;
import io.jxengine.model.Step;
import io.jxengine.model.Uses;
import io.jxengine.parse.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Expands {@code uses:} against a catalog. A step that uses a catalog step gets the entry's
 * script and settings, with the user's {@code name}, {@code image}, {@code dir}, {@code env},
 * {@code timeout} and {@code retries} laid over them field by field; a stage that uses a catalog
 * stage gets its steps, env, image, secrets, when, timeout and post, keeping the user's
 * {@code name}, {@code needs} and {@code when} and merging the user's {@code env} over. Every
 * parameter becomes the variable {@code PARAM_<NAME>} (the {@code with:} value or the default).
 * Resolved nodes keep {@code uses} as provenance. References that cannot be resolved are
 * reported (JX301, JX302, JX303, JX305) and left as they are. Stateless and thread-safe.
 */
public final class CatalogResolver {

  /** The effective pipeline: with no errors reported, no step is left without {@code run}. */
  public Pipeline resolve(Pipeline pipeline, Catalog catalog, Diagnostics diags) {
    Run run = new Run(catalog, diags);
    return new Pipeline(
        pipeline.name(),
        pipeline.file(),
        pipeline.source(),
        pipeline.image(),
        pipeline.env(),
        pipeline.secrets(),
        pipeline.triggers(),
        pipeline.timeout(),
        pipeline.concurrency(),
        run.stages(pipeline.stages(), "stages"),
        run.stages(pipeline.finallyStages(), "finally"),
        run.post(pipeline.post(), "post"),
        pipeline.pos());
  }

  /** One resolution: the catalog and where to report. */
  private record Run(Catalog catalog, Diagnostics diags) {
    List<Stage> stages(List<Stage> stages, String field) {
      List<Stage> out = new ArrayList<>();
      for (int i = 0; i < stages.size(); i++) {
        out.add(stage(stages.get(i), field + "[" + i + "]"));
      }
      return out;
    }

    Stage stage(Stage s, String field) {
      if (s.uses() == null) {
        return new Stage(
            s.name(), s.needs(), s.image(), s.env(), s.secrets(), s.when(), s.timeout(),
            steps(s.steps(), field + ".steps"), post(s.post(), field + ".post"), null, s.pos());
      }
      Optional<CatalogEntry> found = lookup(s.uses(), field, false);
      if (found.isEmpty()) {
        return s;
      }
      CatalogEntry entry = found.get();
      Stage c = entry.stage();
      List<EnvVar> env = merge(c.env(), params(entry, s.uses(), field), s.env());
      List<SecretRef> secrets = new ArrayList<>(c.secrets());
      secrets.addAll(s.secrets());
      Post post = s.post().isEmpty() ? c.post() : s.post();
      return new Stage(
          s.name(),
          s.needs(),
          or(s.image(), c.image()),
          env,
          secrets,
          or(s.when(), c.when()),
          or(s.timeout(), c.timeout()),
          steps(c.steps(), "stage.steps"),
          post(post, field + ".post"),
          s.uses(),
          s.pos());
    }

    Post post(Post p, String field) {
      if (p.isEmpty()) {
        return p;
      }
      return new Post(
          steps(p.always(), field + ".always"),
          steps(p.success(), field + ".success"),
          steps(p.failure(), field + ".failure"),
          p.pos());
    }

    List<Step> steps(List<Step> steps, String field) {
      List<Step> out = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        out.add(step(steps.get(i), field + "[" + i + "]"));
      }
      return out;
    }

    Step step(Step s, String field) {
      if (s.uses() == null || s.run() != null) {
        return s; // plain step, or `run` and `uses` together (already reported)
      }
      Optional<CatalogEntry> found = lookup(s.uses(), field, true);
      if (found.isEmpty()) {
        return s;
      }
      CatalogEntry entry = found.get();
      Step c = entry.step();
      return new Step(
          s.name(),
          c.run(),
          or(s.image(), c.image()),
          or(s.dir(), c.dir()),
          merge(c.env(), params(entry, s.uses(), field), s.env()),
          or(s.timeout(), c.timeout()),
          // 0 is also "not written": a user cannot turn an entry's retries off, only change them
          s.retries() > 0 ? s.retries() : c.retries(),
          s.uses(),
          s.pos(),
          s.privileged() ? s.privilegedAt() : c.privilegedAt(),
          s.volumes().isEmpty() ? c.volumes() : s.volumes());
    }

    Optional<CatalogEntry> lookup(Uses uses, String field, boolean asStep) {
      String ref = uses.ref();
      Optional<CatalogEntry> entry = asStep ? catalog.step(ref) : catalog.stage(ref);
      if (entry.isPresent()) {
        return entry;
      }
      Optional<CatalogEntry> other = asStep ? catalog.stage(ref) : catalog.step(ref);
      String usesField = field + ".uses";
      if (other.isPresent()) {
        diags.report(
            Code.USES_KIND_MISMATCH, uses.pos(), usesField, ref, asStep ? "stage" : "step", asStep ? "step" : "stage");
      } else {
        List<String> names = asStep ? catalog.stepNames() : catalog.stageNames();
        String hint = Suggest.closest(ref, names).map(c -> Texts.get("hint.didYouMean", c)).orElse("");
        diags.reportWithHint(Code.UNKNOWN_USES, uses.pos(), usesField, hint, asStep ? "step" : "stage", ref);
      }
      return Optional.empty();
    }

    /** The parameters as {@code PARAM_*} variables; unknown and missing ones are reported. */
    List<EnvVar> params(CatalogEntry entry, Uses uses, String field) {
      List<EnvVar> out = new ArrayList<>();
      List<String> names = entry.params().stream().map(CatalogParam::name).toList();
      for (String given : new TreeSet<>(uses.with().keySet())) {
        if (!names.contains(given)) {
          diags.reportWithHint(
              Code.UNKNOWN_PARAM,
              uses.withPos().getOrDefault(given, uses.pos()),
              field + ".with." + given,
              Suggest.hint(given, names),
              given,
              entry.name());
        }
      }
      for (CatalogParam p : entry.params()) {
        String value = uses.with().get(p.name());
        Pos pos = uses.withPos().getOrDefault(p.name(), p.pos());
        if (value == null) {
          value = p.defaultValue();
        }
        if (value == null) {
          diags.report(Code.MISSING_PARAM, uses.pos(), field + ".with", p.name(), entry.name());
          continue;
        }
        out.add(new EnvVar(p.envName(), value, pos));
      }
      return out;
    }
  }

  /** Later lists override earlier ones by name; a name keeps the slot where it first appeared. */
  @SafeVarargs
  static List<EnvVar> merge(List<EnvVar>... layers) {
    Map<String, EnvVar> m = new LinkedHashMap<>();
    for (List<EnvVar> layer : layers) {
      for (EnvVar e : layer) {
        m.put(e.name(), e);
      }
    }
    return List.copyOf(m.values());
  }

  private static <T> T or(T first, T second) {
    return first != null ? first : second;
  }

}
