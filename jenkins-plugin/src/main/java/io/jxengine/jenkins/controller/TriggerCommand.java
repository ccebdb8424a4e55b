package io.jxengine.jenkins.controller;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jxe jenkins build CONTROLLER JOB [-p K=V]... [-f]}: queues a build on a controller. */
@Command(name = "build", mixinStandardHelpOptions = true, description = {
    "Triggers a build of a job on a controller.",
    "With parameters (-p), it calls buildWithParameters.",
    "With -f, waits for it to leave the queue, prints its console as it runs and exits with",
    "its result: 0 success, 1 failure or unstable, 3 aborted."})
final class TriggerCommand extends CliSupport {
  @Parameters(index = "0", paramLabel = "CONTROLLER")
  String controller;

  @Parameters(index = "1", paramLabel = "JOB", description = "The job's full name: folder/job.")
  String job;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A build parameter.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = {"-f", "--follow"}, description = "Follow the build's console until it ends.")
  boolean follow;

  @Option(names = "--queue-timeout", paramLabel = "SECONDS",
      description = "How long to wait for the build to leave the queue (default ${DEFAULT-VALUE}).")
  long queueTimeoutSeconds = 600;

  @Option(names = "--poll-interval", hidden = true, description = "Milliseconds between polls.")
  long intervalMillis = 1000;

  @Override
  int execute(PrintWriter out) {
    JobPath.of(job);
    JenkinsClient client = client(controller);
    long queueId = client.trigger(job, parameters);
    out.println("queued " + job + " on " + controller + " (queue item " + queueId + ")");
    out.flush();
    if (!follow) {
      return OK;
    }
    BuildFollower follower = new BuildFollower(client, millis(intervalMillis));
    int number = follower.waitForBuild(queueId, Duration.ofSeconds(queueTimeoutSeconds));
    out.println("build " + job + " #" + number + ": " + client.buildUrl(job, number));
    out.flush();
    follower.console(job, number, out);
    JenkinsModel.Build b = client.build(job, number);
    out.println();
    out.println("build " + job + " #" + number + " " + (b.result() == null ? "ended" : b.result()));
    return ConsoleCommand.exitCode(b);
  }
}
