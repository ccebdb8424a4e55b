package io.jxengine.backend.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.tekton.pipeline.v1.PipelineRun;
import io.fabric8.tekton.pipeline.v1.PipelineTask;
import io.fabric8.tekton.pipeline.v1.PipelineTaskMetadata;
import io.jxengine.compile.LocalCompiler;
import io.jxengine.compile.tekton.KubeNames;
import io.jxengine.compile.tekton.StageSelection;
import io.jxengine.compile.tekton.TektonCompiler;
import io.jxengine.engine.RunContext;
import io.jxengine.engine.RunRecorder;
import io.jxengine.model.Pipeline;
import io.jxengine.model.Post;
import io.jxengine.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which activity stage, phase and steps each task of a PipelineRun carries. Written before
 * submitting as annotations on each embedded task's metadata (Tekton copies them onto the TaskRun
 * and its pod), so an engine that restarts reads the layout back from the cluster without the
 * pipeline file. Pure and thread-safe.
 */
final class TaskLayout {
  // "activity-" keeps them apart from the Pod compiler's own stage label and phase annotation
  static final String STAGE = KubeNames.PREFIX + "activity-stage";
  static final String PHASE = KubeNames.PREFIX + "activity-phase";
  static final String STEPS = KubeNames.PREFIX + "activity-steps";
  /** The phase of the clone task, which is no activity stage. */
  static final String CLONE = "clone";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One task.
   *
   * @param phase {@code steps}, {@code post} (a stage's or the pipeline's post) or {@value #CLONE}
   * @param steps the engine's step names, in the task's step order
   */
  record Task(String name, String stage, String phase, List<String> steps) {
    Task {
      steps = List.copyOf(steps);
    }

    boolean isClone() {
      return CLONE.equals(phase);
    }

    /** The engine's name of the Tekton step {@code tektonName}, or that name when unknown. */
    String stepName(String tektonName) {
      for (String s : steps) {
        if (KubeNames.label(s).equals(tektonName)) {
          return s;
        }
      }
      return tektonName;
    }
  }

  private TaskLayout() {}

  /**
   * Annotates the tasks of {@code run}, as {@link TektonCompiler} made it from {@code p} for
   * {@code ctx}: its tasks come in the compiler's order (clone, stages, then finally: stage
   * posts, finally stages, the pipeline's post), which this walks again.
   *
   * @throws IllegalStateException when the run does not have the tasks the pipeline gives (a bug)
   */
  static void annotate(PipelineRun run, Pipeline p, RunContext ctx) {
    List<Task> layout = layout(p, ctx, true);
    List<PipelineTask> tasks = run.getSpec().getPipelineSpec().getTasks();
    List<PipelineTask> finallyTasks = run.getSpec().getPipelineSpec().getFinally();
    List<PipelineTask> all = new ArrayList<>(tasks == null ? List.of() : tasks);
    all.addAll(finallyTasks == null ? List.of() : finallyTasks);
    if (all.size() != layout.size()) {
      throw new IllegalStateException(
          "the PipelineRun has " + all.size() + " tasks where the pipeline gives " + layout.size());
    }
    for (int i = 0; i < all.size(); i++) {
      PipelineTask t = all.get(i);
      if (t.getTaskSpec().getSteps().size() != layout.get(i).steps().size()) {
        throw new IllegalStateException("task " + t.getName() + " does not have the stage's steps");
      }
      PipelineTaskMetadata meta = t.getTaskSpec().getMetadata();
      if (meta == null) {
        meta = new PipelineTaskMetadata();
        t.getTaskSpec().setMetadata(meta);
      }
      meta.setAnnotations(annotations(meta.getAnnotations(), layout.get(i)));
    }
  }

  /**
   * The stage, phase and steps of each task or pod, in the order both cluster compilers make
   * them: clone, stages, then stage posts, finally stages and the pipeline's post.
   *
   * @param express as {@link StageSelection#select}: true for Tekton, false for the Pods
   */
  static List<Task> layout(Pipeline p, RunContext ctx, boolean express) {
    StageSelection.Result sel = StageSelection.select(p, ctx, express);
    List<Task> main = new ArrayList<>();
    main.add(new Task(TektonCompiler.CLONE_TASK, TektonCompiler.CLONE_TASK, CLONE, List.of("clone")));
    List<Task> fin = new ArrayList<>();
    for (StageSelection.Selected s : sel.stages()) {
      main.add(task(s.stage().name(), "steps", s.stage().steps()));
      addPost(fin, s.stage().name(), s.stage().post());
    }
    for (StageSelection.Selected s : sel.finallyStages()) {
      fin.add(task(s.stage().name(), "steps", s.stage().steps()));
    }
    addPost(fin, LocalCompiler.POST_STAGE, p.post());
    main.addAll(fin);
    return main;
  }

  /** {@code existing} (may be null) plus the layout annotations of {@code task}. */
  static Map<String, String> annotations(Map<String, String> existing, Task task) {
    Map<String, String> a = existing == null ? new LinkedHashMap<>() : new LinkedHashMap<>(existing);
    a.put(STAGE, task.stage());
    a.put(PHASE, task.phase());
    a.put(STEPS, json(task.steps()));
    return a;
  }

  /** The layout annotations of one object, or null when it has none. */
  static Task fromAnnotations(String name, Map<String, String> a) {
    if (a == null || a.get(STAGE) == null || a.get(PHASE) == null) {
      return null;
    }
    return new Task(name, a.get(STAGE), a.get(PHASE), steps(a.get(STEPS)));
  }

  private static void addPost(List<Task> out, String stage, Post post) {
    for (List<Step> steps : List.of(post.always(), post.success(), post.failure())) {
      if (!steps.isEmpty()) {
        out.add(task(stage, RunRecorder.POST, steps));
      }
    }
  }

  private static Task task(String stage, String phase, List<Step> steps) {
    return new Task(null, stage, phase, steps.stream().map(Step::name).toList());
  }

  /** The layout written by {@link #annotate}, by task name; tasks without it are left out. */
  static Map<String, Task> read(PipelineRun run) {
    Map<String, Task> out = new LinkedHashMap<>();
    if (run.getSpec() == null || run.getSpec().getPipelineSpec() == null) {
      return out;
    }
    List<PipelineTask> all = new ArrayList<>();
    if (run.getSpec().getPipelineSpec().getTasks() != null) {
      all.addAll(run.getSpec().getPipelineSpec().getTasks());
    }
    if (run.getSpec().getPipelineSpec().getFinally() != null) {
      all.addAll(run.getSpec().getPipelineSpec().getFinally());
    }
    for (PipelineTask t : all) {
      PipelineTaskMetadata meta = t.getTaskSpec() == null ? null : t.getTaskSpec().getMetadata();
      Task task = fromAnnotations(t.getName(), meta == null ? null : meta.getAnnotations());
      if (task != null) {
        out.put(t.getName(), task);
      }
    }
    return out;
  }

  /** Names of the stages whose post runs as separate (finally) tasks. */
  static List<String> stagesWithPost(Map<String, Task> layout) {
    List<String> out = new ArrayList<>();
    for (Task t : layout.values()) {
      if (RunRecorder.POST.equals(t.phase()) && !out.contains(t.stage())) {
        out.add(t.stage());
      }
    }
    return out;
  }

  private static String json(List<String> steps) {
    try {
      return JSON.writeValueAsString(steps);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }

  private static List<String> steps(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      return List.of(); // written by someone else: the steps keep their Tekton names
    }
  }
}
