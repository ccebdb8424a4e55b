package io.jxengine.jenkins.api;

import io.jxengine.approval.ApprovalDesk;
import io.jxengine.server.ServerApp;
import io.jxengine.server.ServerExtension;
import io.jxengine.store.SqliteApprovalStore;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Jenkins remote API on {@code jxe server} under {@code /jenkins/}: jobs kept in
 * {@code $JXE_HOME/jenkins/jobs}, users in {@code $JXE_HOME/jenkins/users.yaml}, builds run by
 * the server's scheduler as activities with source {@code jenkins}. Found through {@code
 * META-INF/services/io.jxengine.server.ServerExtension}. It starts no threads of its own; the
 * handle it returns closes its connection to the approval gates.
 */
public final class JenkinsApiExtension implements ServerExtension {
  private static final Logger LOG = LoggerFactory.getLogger(JenkinsApiExtension.class);

  @Override
  public AutoCloseable attach(Context context) {
    Path home = jenkinsHome(context.home().root());
    JenkinsUsers users = new JenkinsUsers(home);
    if (!users.any()) {
      LOG.info("Jenkins API: no users yet; make a token with `jxe jenkins token create <user>`");
    }
    SqliteApprovalStore approvals = SqliteApprovalStore.open(context.home().database());
    context.server().addRoutes((javalin, server) ->
        routes(server, home, users, context.logs(), JenkinsfileSupport.converter(),
            io.jxengine.server.ServerConfig.DEFAULT_MAX_RUNS, new ApprovalDesk(approvals))
            .register(javalin));
    return approvals::close;
  }

  /** {@code $JXE_HOME/jenkins}. */
  public static Path jenkinsHome(Path jxeHome) {
    return jxeHome.resolve("jenkins");
  }

  /** The API's routes wired on a server, with the built-in Jenkinsfile converter (benchmarks). */
  public static JenkinsApiRoutes routes(ServerApp server, Path jenkinsHome, JenkinsUsers users,
      io.jxengine.logs.LogStore logs) {
    return routes(server, jenkinsHome, users, logs, JenkinsfileSupport.converter(),
        io.jxengine.server.ServerConfig.DEFAULT_MAX_RUNS, null);
  }

  /** @param approvals decides {@code input} gates, or null to serve no input pages */
  static JenkinsApiRoutes routes(ServerApp server, Path jenkinsHome, JenkinsUsers users,
      io.jxengine.logs.LogStore logs, Jenkinsfiles jenkinsfiles, int maxRuns,
      ApprovalDesk approvals) {
    // the URL is known only once the server listens (port 0 in tests)
    java.util.function.Supplier<String> base = () -> server.url() + JenkinsApiRoutes.PREFIX + "/";
    JobStore jobs = new JobStore(jenkinsHome.resolve("jobs"));
    JenkinsBuilds builds = new JenkinsBuilds(jobs, server.scheduler(),
        server.parts().activities(), server.parts().loader(), new GitSources(jenkinsHome),
        jenkinsfiles);
    JenkinsJson views = new JenkinsJson(base, jobs, builds);
    Crumbs crumbs = new Crumbs();
    return new JenkinsApiRoutes(users, crumbs,
        new JobActions(jobs, views, crumbs, maxRuns, jenkinsfiles),
        new BuildActions(jobs, builds, views, server.parts().queue(), logs, approvals));
  }
}
