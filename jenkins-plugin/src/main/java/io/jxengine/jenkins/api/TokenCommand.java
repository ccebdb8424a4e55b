package io.jxengine.jenkins.api;

import io.jxengine.engine.JxeHome;
import io.jxengine.jenkins.controller.JenkinsGroupCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jxe jenkins token create <user>}: makes an API token for a user of the Jenkins API the
 * server serves (the user is created when new), prints it once, and keeps only its SHA-256
 * digest in {@code $JXE_HOME/jenkins/users.yaml}. A running server sees the new token at once.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "API tokens of users of the Jenkins API served under /jenkins/"
        + " (docs/jenkins-api.md).",
    subcommands = TokenCommand.Create.class)
public final class TokenCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Creates an API token for USER and prints it (it is not shown again).",
          "Use it as the password of HTTP basic authentication, e.g. jenkins.Jenkins(url, USER, TOKEN)."})
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "USER", description = "The user's name.")
    String user;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      String problem = JobPath.problem(user);
      if (problem != null) {
        spec.commandLine().getErr().println("jxe: bad user name: " + problem);
        return 2;
      }
      JxeHome home = JxeHome.fromEnvironment(System.getenv());
      String token = new JenkinsUsers(JenkinsApiExtension.jenkinsHome(home.root()))
          .createToken(user);
      out.println(token);
      return 0;
    }
  }

  /** Registers {@code jxe jenkins token} under the bridge's {@code jenkins} command. */
  public static final class Extension implements io.jxengine.cli.CliExtension {
    @Override
    public void register(CommandLine root) {
      JenkinsGroupCommand.in(root).addSubcommand("token", new CommandLine(new TokenCommand()));
    }
  }
}
