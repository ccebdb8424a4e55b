package io.jxengine.jenkins.api;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ActivityStore;
import io.jxengine.engine.RunContext;
import io.jxengine.jenkins.api.JobConfig.Kind;
import io.jxengine.parse.LoadResult;
import io.jxengine.parse.PipelineLoader;
import io.jxengine.server.runs.QueuedRun;
import io.jxengine.server.runs.RunScheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds of Jenkins jobs, run by the engine: a build is an activity queued on the server's {@link
 * RunScheduler} with {@code source = jenkins}, {@code owner = jenkins} and {@code repo} = the
 * job's full name with {@code /} written {@code :} (a character Jenkins forbids in names, so the
 * mapping is one to one); the branch is the job's git branch, or {@code main}. The queue item's
 * number is the activity's id; the build number is the activity's build number.
 *
 * <p>Thread-safe (the scheduler and the store are).
 */
final class JenkinsBuilds {
  static final String OWNER = "jenkins";
  static final String SOURCE = "jenkins";
  /** Longest accepted parameter value (Jenkins has none; an environment does). */
  static final int MAX_PARAMETER = 64 * 1024;
  /** Most builds a job lists, as Jenkins' {@code builds} does. */
  static final int MAX_LISTED = 100;

  private final JobStore jobs;
  private final RunScheduler scheduler;
  private final ActivityStore activities;
  private final PipelineLoader loader;
  private final GitSources git;
  private final Jenkinsfiles jenkinsfiles;

  JenkinsBuilds(JobStore jobs, RunScheduler scheduler, ActivityStore activities,
      PipelineLoader loader, GitSources git, Jenkinsfiles jenkinsfiles) {
    this.jobs = jobs;
    this.scheduler = scheduler;
    this.activities = activities;
    this.loader = loader;
    this.git = git;
    this.jenkinsfiles = jenkinsfiles;
  }

  static String repoOf(JobPath job) {
    return String.join(":", job.segments());
  }

  static JobPath jobOf(Activity a) {
    return new JobPath(List.of(a.repo().split(":")));
  }

  /**
   * Queues a build of {@code path} with {@code given} parameter values (undeclared ones are
   * ignored, as Jenkins does) and returns its queue item number. 400 for a folder or a job whose
   * pipeline cannot be made, 409 for a disabled job.
   */
  long trigger(JobPath path, Map<String, String> given, String user) {
    JobStore.Job job = jobs.get(path);
    JobConfig config = job.config();
    if (config.kind() == Kind.FOLDER) {
      throw JenkinsApiException.badRequest(path + " is a folder; folders are not built");
    }
    if (config.disabled()) {
      throw new JenkinsApiException(409, path + " is disabled");
    }
    Map<String, String> env = parameters(config, given);
    GitSources.Revision revision = config.git() == null
        ? git.empty() : git.resolve(config.git().url(), config.git().branch());
    String yaml = pipelineYaml(path, config, revision, env);
    LoadResult loaded = loader.loadString(yaml, ".jx/pipeline.yaml", JobPipelines.PIPELINE_NAME);
    if (loaded.hasErrors() || loaded.effective() == null) {
      throw JenkinsApiException.badRequest("the job's pipeline does not load: "
          + loaded.diagnostics().get(0).format());
    }
    String branch = config.git() == null ? "main" : config.git().branch();
    RunContext ctx = new RunContext(OWNER, repoOf(path), branch, null, "manual",
        config.git() == null ? null : config.git().url(), revision.sha(),
        "build of Jenkins job " + path, user, null, null, null, null, null, "postsubmit", null);
    QueuedRun run = new QueuedRun(0, "jenkins:" + UUID.randomUUID(), JobPipelines.PIPELINE_NAME,
        SOURCE, yaml, ctx, revision.url(), revision.sha(), true, "jenkins/" + path.fullName());
    long id = scheduler.queue(run).activityId();
    scheduler.submit(id);
    return id;
  }

  private String pipelineYaml(JobPath path, JobConfig config, GitSources.Revision revision,
      Map<String, String> env) {
    if (config.kind() == Kind.FREESTYLE) {
      return JobPipelines.freestyle(config, env);
    }
    String text;
    String file;
    if (config.script() != null) {
      text = config.script();
      file = path.fullName() + "/config.xml#script";
    } else if (config.git() != null) {
      text = git.readFile(revision, config.scriptPath());
      file = config.scriptPath();
    } else {
      throw JenkinsApiException.badRequest(path + " has no pipeline script");
    }
    Jenkinsfiles.Converted c = jenkinsfiles.convert(text, file);
    if (!c.errors().isEmpty()) {
      throw JenkinsApiException.badRequest("the Jenkinsfile cannot run on the engine:\n"
          + String.join("\n", c.errors()));
    }
    return JobPipelines.withEnv(c.pipelineYaml(), env);
  }

  /** The declared parameters' values: given ones, else their defaults. */
  static Map<String, String> parameters(JobConfig config, Map<String, String> given) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JobConfig.Parameter p : config.parameters()) {
      String v = given.getOrDefault(p.name(), p.defaultValue());
      if (v.length() > MAX_PARAMETER) {
        throw JenkinsApiException.badRequest("parameter " + p.name() + " is longer than "
            + MAX_PARAMETER + " characters");
      }
      if (p.type().equals("choice") && !p.choices().isEmpty() && !p.choices().contains(v)) {
        throw JenkinsApiException.badRequest("parameter " + p.name() + ": '" + v
            + "' is not one of " + p.choices());
      }
      env.put(p.name(), v);
    }
    // password parameters: masked in logs like secrets (the values stay out of the build JSON)
    String masked = String.join(",", config.parameters().stream()
        .filter(p -> p.type().equals("password")).map(JobConfig.Parameter::name).toList());
    if (!masked.isEmpty()) {
      env.put(io.jxengine.engine.PipelineSecrets.MASK_ENV, masked);
    }
    return env;
  }

  /** A queue item: a Jenkins build activity. */
  Optional<Activity> item(long id) {
    return activities.get(id).filter(a -> SOURCE.equals(a.source()) && OWNER.equals(a.owner()));
  }

  /** Builds waiting for a slot, newest first. */
  List<Activity> pending() {
    return activities.list(new ActivityFilter(OWNER, null, null,
        io.jxengine.activity.Status.Pending, SOURCE, MAX_LISTED));
  }

  /** The job's builds, newest first (at most {@value #MAX_LISTED}). */
  List<Activity> builds(JobPath path) {
    return activities.list(new ActivityFilter(OWNER, repoOf(path), null, null, SOURCE,
        MAX_LISTED));
  }

  /** Build {@code number} of the job, or a 404. */
  Activity build(JobPath path, int number) {
    return builds(path).stream().filter(a -> a.build() == number).findFirst()
        .or(() -> activities.list(new ActivityFilter(OWNER, repoOf(path), null, null, SOURCE, 0))
            .stream().filter(a -> a.build() == number).findFirst())
        .orElseThrow(() -> JenkinsApiException.notFound("no build #" + number + " of " + path));
  }

  /** Stops a queued or running build; false when it had ended. */
  boolean stop(Activity a) {
    return !a.status().isTerminal() && scheduler.stop(a.id());
  }
}
