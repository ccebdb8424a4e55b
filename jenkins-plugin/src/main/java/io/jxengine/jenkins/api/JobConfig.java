package io.jxengine.jenkins.api;

import java.util.List;

/**
 * What the engine understands of a job's {@code config.xml}. The file itself is kept as sent;
 * this is read from it. Immutable.
 *
 * @param kind folder, freestyle ({@code project}) or pipeline ({@code flow-definition})
 * @param disabled {@code <disabled>true</disabled>}: builds are refused
 * @param shellCommands freestyle {@code hudson.tasks.Shell} builders, in order (each a step)
 * @param script an inline pipeline script ({@code CpsFlowDefinition}), or null
 * @param git the job's git source (freestyle {@code GitSCM}, or {@code CpsScmFlowDefinition}), or
 *     null
 * @param scriptPath the Jenkinsfile's path in {@code git} for a pipeline from SCM, or null
 * @param warnings what the engine keeps but does not use, one line each
 */
public record JobConfig(
    Kind kind,
    String description,
    boolean disabled,
    List<Parameter> parameters,
    List<String> shellCommands,
    String script,
    GitSource git,
    String scriptPath,
    List<String> warnings) {

  public JobConfig {
    parameters = List.copyOf(parameters);
    shellCommands = List.copyOf(shellCommands);
    warnings = List.copyOf(warnings);
  }

  /** The job types the engine serves, with the {@code _class} Jenkins reports for each. */
  public enum Kind {
    FOLDER("com.cloudbees.hudson.plugins.folder.Folder", "com.cloudbees.hudson.plugins.folder.Folder"),
    FREESTYLE("project", "hudson.model.FreeStyleProject"),
    PIPELINE("flow-definition", "org.jenkinsci.plugins.workflow.job.WorkflowJob");

    private final String rootElement;
    private final String jenkinsClass;

    Kind(String rootElement, String jenkinsClass) {
      this.rootElement = rootElement;
      this.jenkinsClass = jenkinsClass;
    }

    public String rootElement() {
      return rootElement;
    }

    public String jenkinsClass() {
      return jenkinsClass;
    }

    /** The build's {@code _class} for jobs of this kind. */
    public String buildClass() {
      return this == PIPELINE
          ? "org.jenkinsci.plugins.workflow.job.WorkflowRun"
          : "hudson.model.FreeStyleBuild";
    }

    static Kind ofRoot(String element) {
      for (Kind k : values()) {
        if (k.rootElement.equals(element)) {
          return k;
        }
      }
      return null;
    }
  }

  /**
   * A build parameter.
   *
   * @param type string, boolean, choice, text, password
   * @param defaultValue the value a build without it gets (the first choice for a choice)
   */
  public record Parameter(String name, String type, String defaultValue, List<String> choices) {
    public Parameter {
      choices = List.copyOf(choices);
    }
  }

  /** A git repository and the branch to build (Jenkins' branch spec with its remote prefix removed: {@code main}). */
  public record GitSource(String url, String branch) {}
}
