package io.jxengine.jenkins.controller;

import io.jxengine.jenkins.controller.JenkinsModel.Job;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jxe jenkins jobs CONTROLLER}: the controller's jobs, through its folders. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
    description = "Lists a controller's jobs (folders walked), with their kind and last result.")
final class JobsCommand extends CliSupport {
  @Parameters(paramLabel = "CONTROLLER")
  String controller;

  @Option(names = {"-o", "--output"}, description = "text or json (default text).")
  String output = "text";

  @Override
  int execute(PrintWriter out) {
    List<Job> jobs = client(controller).jobs();
    if ("json".equals(output)) {
      out.println(json(jobs));
      return OK;
    }
    String format = "%-48s %-12s %s%n";
    out.printf(Locale.ROOT, format, "JOB", "KIND", "LAST");
    for (Job j : jobs) {
      out.printf(Locale.ROOT, format, j.fullName(), kind(j.className()), last(j.color()));
    }
    return OK;
  }

  static String kind(String className) {
    if (className.endsWith("WorkflowJob")) {
      return "pipeline";
    }
    if (className.endsWith("FreeStyleProject")) {
      return "freestyle";
    }
    if (className.contains("Matrix")) {
      return "matrix";
    }
    return className.isEmpty() ? "" : className.substring(className.lastIndexOf('.') + 1);
  }

  /** Jenkins' ball colours: blue, red, yellow, aborted, notbuilt, disabled; `_anime` = building. */
  static String last(String color) {
    String base = color.replace("_anime", "");
    String word = switch (base) {
      case "blue" -> "success";
      case "red" -> "failure";
      case "yellow" -> "unstable";
      case "aborted" -> "aborted";
      case "notbuilt", "nobuilt" -> "not built";
      case "disabled", "grey" -> "disabled";
      default -> base;
    };
    return color.endsWith("_anime") ? word + " (building)" : word;
  }
}
