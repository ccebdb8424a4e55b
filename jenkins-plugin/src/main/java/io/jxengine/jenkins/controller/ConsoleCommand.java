package io.jxengine.jenkins.controller;

import io.jxengine.activity.Status;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jxe jenkins console CONTROLLER JOB [N] [-f]}: a build's console output. */
@Command(name = "console", mixinStandardHelpOptions = true, description = {
    "Prints the console output of a build on a controller (default: the job's newest).",
    "With -f, keeps printing as the build writes and exits with its result."})
final class ConsoleCommand extends CliSupport {
  @Parameters(index = "0", paramLabel = "CONTROLLER")
  String controller;

  @Parameters(index = "1", paramLabel = "JOB")
  String job;

  @Parameters(index = "2", arity = "0..1", paramLabel = "N")
  Integer number;

  @Option(names = {"-f", "--follow"}, description = "Follow until the build ends.")
  boolean follow;

  @Option(names = "--poll-interval", hidden = true, description = "Milliseconds between polls.")
  long intervalMillis = 1000;

  @Override
  int execute(PrintWriter out) {
    JobPath.of(job);
    JenkinsClient client = client(controller);
    int n = number != null ? number : newest(client);
    if (!follow) {
      out.print(client.console(job, n));
      return OK;
    }
    new BuildFollower(client, millis(intervalMillis)).console(job, n, out);
    return exitCode(client.build(job, n));
  }

  private int newest(JenkinsClient client) {
    List<Integer> numbers = client.buildNumbers(job, 1);
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException(job + " on " + controller + " has no builds");
    }
    return numbers.get(0);
  }

  /** 0 success, 3 aborted, 1 anything else (the codes of jxe run). */
  static int exitCode(JenkinsModel.Build b) {
    Status s = JenkinsStatuses.of(b);
    return s == Status.Succeeded ? OK : s == Status.Aborted ? 3 : FAILED;
  }
}
