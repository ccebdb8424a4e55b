package io.jxengine.cli;

import io.jxengine.activity.Activity;
import io.jxengine.approval.ApprovalDesk;
import io.jxengine.approval.ApprovalException;
import io.jxengine.approval.ApprovalRecord;
import io.jxengine.store.SqliteApprovalStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jxe approve}: decides an approval gate of a waiting build. The decision goes into the
 * store; the runner (a {@code jxe run} or the server, in any process) notices it within a poll.
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approves (or with --reject, rejects) the approval gate a build waits at: an `approval:` "
          + "step, or a converted Jenkinsfile `input`. Approved, the build goes on; rejected, "
          + "the stage and the build end Aborted. Without arguments: the newest build waiting "
          + "for approval.",
      "When the gate names submitters, only they may decide (as --as USER, else $USER)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the decision was recorded",
      "1:no such build, nothing waits, several gates wait (use --step), or USER may not decide",
      "2:invalid command line",
    })
final class ApproveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..2", paramLabel = "OWNER/REPO/BRANCH | #N", description = "Which build.")
  List<String> args = new ArrayList<>();

  @Option(names = "--step", paramLabel = "NAME", description = "The gate's step name, when several wait.")
  String step;

  @Option(names = "--reject", description = "Reject instead of approve.")
  boolean reject;

  @Option(names = "--as", paramLabel = "USER", description = "Who decides (default: $USER).")
  String user;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String who = user != null && !user.isBlank() ? user : defaultUser();
    try (EngineContext engine = new EngineContext()) {
      Activity a = args.isEmpty()
          ? BuildSelector.selectWaiting(engine.store(), args)
          : BuildSelector.select(engine.store(), args, false);
      if (a.status().isTerminal()) {
        throw new UserException(a.displayName() + " is not running (" + a.status() + ")");
      }
      try (SqliteApprovalStore approvals = SqliteApprovalStore.open(engine.home().database())) {
        ApprovalRecord gate = new ApprovalDesk(approvals).decide(a.id(), step, !reject, who);
        out.println((reject ? "rejected " : "approved ") + gate.stage() + "/" + gate.step()
            + " of " + a.displayName() + " as " + who);
        return ExitCodes.OK;
      } catch (ApprovalException e) {
        throw new UserException(a.displayName() + ": " + e.getMessage());
      }
    }
  }

  private static String defaultUser() {
    String env = System.getenv("USER");
    return env != null && !env.isBlank() ? env : System.getProperty("user.name", "unknown");
  }
}
