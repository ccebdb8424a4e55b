package io.jxengine.jenkins.controller;

import io.jxengine.activity.Activity;
import io.jxengine.activity.ActivityFilter;
import io.jxengine.activity.ActivityStore;
import io.jxengine.activity.ExternalRun;
import io.jxengine.activity.NewActivity;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import io.jxengine.activity.StepRecord;
import io.jxengine.activity.StoreException;
import io.jxengine.jenkins.controller.JenkinsModel.Build;
import io.jxengine.jenkins.controller.JenkinsModel.Job;
import io.jxengine.jenkins.controller.JenkinsModel.Stage;
import io.jxengine.jenkins.controller.JenkinsModel.Stages;
import io.jxengine.logs.LogStore;
import io.jxengine.logs.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports the builds of one Jenkins job into the activity store: {@code source = jenkins},
 * owner = the controller's name, repo = the job's full name (for a branch of a multibranch
 * project: repo = the project, branch = the branch job), build = the Jenkins build number, status
 * and times from the build, {@code buildUrl} back to it, stages from {@code wfapi/describe}, and
 * the console text as the log of step {@code console} in a last stage {@value #CONSOLE_STAGE}.
 *
 * <p>Deduplicated: controller + job + number is one activity. A build that has ended and was
 * imported is not asked for again; one still running is updated at every sync until it ends. A
 * build is recorded Running until its stages and console are stored, so a sync that dies halfway
 * is completed by the next one. Not thread-safe: one sync at a time per store (two processes
 * importing the same build at once end with one activity; the loser re-reads it).
 */
final class BuildImporter {
  static final String SOURCE = "jenkins";
  static final String CONSOLE_STAGE = "Console";
  static final String CONSOLE_STEP = "console";

  /** How many builds one job's import created, updated and left alone. */
  record Counts(int created, int updated, int unchanged) {
    Counts plus(Counts o) {
      return new Counts(created + o.created, updated + o.updated, unchanged + o.unchanged);
    }
  }

  private final ActivityStore store;
  private final LogStore logs;
  private final SecretMasker masker;

  BuildImporter(ActivityStore store, LogStore logs, SecretMasker masker) {
    this.store = store;
    this.logs = logs;
    this.masker = masker;
  }

  Counts importJob(JenkinsClient client, Job job, int maxBuilds) {
    String owner = client.controller().name();
    String repo = job.branchOf() != null ? job.branchOf() : job.fullName();
    String branchFilter = job.branchOf() != null ? job.name() : null;
    Map<Integer, Activity> known = new HashMap<>();
    for (Activity a : store.list(new ActivityFilter(owner, repo, branchFilter, null, SOURCE, 0))) {
      known.putIfAbsent(a.build(), a);
    }
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    List<Integer> numbers = new ArrayList<>(client.buildNumbers(job.fullName(), maxBuilds));
    // oldest first: lists are newest first by the order of recording
    Collections.reverse(numbers);
    for (int number : numbers) {
      Activity existing = known.get(number);
      if (existing != null && existing.status().isTerminal()) {
        unchanged++;
        continue;
      }
      importBuild(client, job, repo, number, existing);
      if (existing == null) {
        created++;
      } else {
        updated++;
      }
    }
    return new Counts(created, updated, unchanged);
  }

  private void importBuild(
      JenkinsClient client, Job job, String repo, int number, Activity existing) {
    Build b = client.build(job.fullName(), number);
    Status status = JenkinsStatuses.of(b);
    boolean ended = status.isTerminal();
    // recorded as running until its stages and console are stored: see the class comment
    Status interim = ended ? Status.Running : status;
    Activity a = existing != null ? existing : create(client, job, repo, b, interim);
    store.updateActivity(a.id(), interim, b.started(), null, null);
    Stages stages = isPipeline(job) ? client.stages(job.fullName(), number)
        : new Stages(false, List.of());
    a = store.get(a.id()).orElseThrow();
    recordStages(a, stages.stages());
    if (ended) {
      recordConsole(a, stages.stages().size(), b, status, client.console(job.fullName(), number));
    }
    store.updateActivity(a.id(), status, b.started(), b.completed(), JenkinsStatuses.message(b));
  }

  private Activity create(JenkinsClient client, Job job, String repo, Build b, Status status) {
    String owner = client.controller().name();
    String branch = job.branchOf() != null ? job.name()
        : b.branch() != null ? b.branch() : "default";
    NewActivity activity = new NewActivity(owner, repo, branch, job.name(), b.gitUrl(),
        b.commitSha(), null, b.causeUser(), null, null, null, null, SOURCE,
        JenkinsStatuses.event(b.causeClass()), 0, 0);
    ExternalRun run = new ExternalRun(b.number(), status, b.started(), null,
        client.buildUrl(job.fullName(), b.number()), "");
    try {
      return store.createExternal(activity, run);
    } catch (StoreException e) {
      // another sync (the server's, a CLI's) recorded it first
      return store.find(owner, repo, branch, b.number()).orElseThrow(() -> e);
    }
  }

  /** Stage i of the build is the stage record of ordinal i with its name; new ones are added. */
  private void recordStages(Activity a, List<Stage> stages) {
    for (int i = 0; i < stages.size(); i++) {
      Stage s = stages.get(i);
      int ordinal = i;
      StepRecord record = a.steps().stream()
          .filter(r -> r.parentId() == null && r.ordinal() == ordinal
              && r.name().equals(s.name()))
          .findFirst()
          .orElseGet(() -> store.addStep(a.id(), null, StepKind.Stage, s.name(), ordinal));
      Status status = JenkinsStatuses.ofStage(s.status());
      Instant completed = status.isTerminal() && s.started() != null
          ? s.started().plusMillis(Math.max(0, s.durationMillis())) : null;
      store.updateStep(record.id(), status, s.started(), completed, null, 1, null);
    }
  }

  private void recordConsole(
      Activity a, int ordinal, Build b, Status status, String console) {
    Optional<StepRecord> holder = a.steps().stream()
        .filter(r -> r.parentId() == null && r.name().equals(CONSOLE_STAGE))
        .filter(r -> a.steps().stream().anyMatch(
            c -> c.parentId() != null && c.parentId() == r.id() && c.name().equals(CONSOLE_STEP)))
        .findFirst();
    long stageId = holder.map(StepRecord::id).orElseGet(
        () -> store.addStep(a.id(), null, StepKind.Stage, CONSOLE_STAGE, ordinal).id());
    StepRecord step = a.steps().stream()
        .filter(c -> c.parentId() != null && c.parentId() == stageId
            && c.name().equals(CONSOLE_STEP))
        .findFirst()
        .orElseGet(() -> store.addStep(a.id(), stageId, StepKind.Step, CONSOLE_STEP, 0));
    try {
      // a sync that died after writing the console must not write it twice
      if (logs.read(a.id(), step.id(), 0).isEmpty()) {
        try (LogStore.LogWriter w = logs.open(a.id(), step.id(), masker)) {
          String text = console.replaceFirst("\r?\n$", "");
          for (String line : text.isEmpty() ? new String[0] : text.split("\r?\n", -1)) {
            w.line(line);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the console of " + a.displayName(), e);
    }
    for (long id : new long[] {stageId, step.id()}) {
      store.updateStep(id, status, b.started(), b.completed(), null, 1, null);
    }
  }

  private static boolean isPipeline(Job job) {
    // freestyle and matrix jobs have no stage data: do not ask for it at every build
    return job.className().isEmpty() || job.className().contains("Workflow");
  }
}
