package io.jxengine.jenkins.api;

import static io.jxengine.jenkins.api.JenkinsApiRoutes.json;
import static io.jxengine.jenkins.api.JenkinsApiRoutes.map;
import static io.jxengine.jenkins.api.JenkinsApiRoutes.ok;
import static io.jxengine.jenkins.api.JenkinsApiRoutes.requirePost;

import io.javalin.http.Context;
import io.jxengine.jenkins.api.JenkinsApiRoutes.Request;
import io.jxengine.server.http.BoundedBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's and the jobs' pages: the root {@code api/json}, who am I, crumbs, plugins, and a
 * job's create, {@code config.xml}, delete, enable, disable, {@code api/json}, {@code
 * checkJobName}. A config.xml that the engine only partly understands is stored as sent; what it
 * does not use comes back as {@code X-Jxe-Warning} headers (and in the job's {@code
 * jxeWarnings}), and is logged. Thread-safe.
 */
final class JobActions {
  private static final Logger LOG = LoggerFactory.getLogger(JobActions.class);
  /** At most this many warning headers on one answer; the rest are in the job's JSON. */
  private static final int MAX_WARNING_HEADERS = 20;

  private final JobStore jobs;
  private final JenkinsJson views;
  private final Crumbs crumbs;
  private final int maxRuns;
  private final Jenkinsfiles jenkinsfiles;

  JobActions(JobStore jobs, JenkinsJson views, Crumbs crumbs, int maxRuns,
      Jenkinsfiles jenkinsfiles) {
    this.jenkinsfiles = jenkinsfiles;
    this.jobs = jobs;
    this.views = views;
    this.crumbs = crumbs;
    this.maxRuns = maxRuns;
  }

  /** Handles the request when it is one of these pages; false otherwise. */
  boolean handle(Request r) {
    if (r.job().isRoot() && server(r)) {
      return true;
    }
    if ((r.job().isRoot() || isFolder(r.job())) && folder(r)) {
      return true;
    }
    return !r.job().isRoot() && job(r);
  }

  private boolean isFolder(JobPath p) {
    return jobs.find(p).map(j -> j.config().kind() == JobConfig.Kind.FOLDER).orElse(false);
  }

  private boolean server(Request r) {
    if (r.is("api", "json")) {
      json(r, views.root(maxRuns, r.ctx().queryParam("tree") != null));
    } else if (r.is("crumbIssuer", "api", "json")) {
      json(r, map("_class", "hudson.security.csrf.DefaultCrumbIssuer",
          "crumb", crumbs.issue(r.ctx(), r.user()), "crumbRequestField", Crumbs.FIELD));
    } else if (r.is("me", "api", "json") || r.is("user", r.user(), "api", "json")) {
      json(r, map("_class", "hudson.model.User", "absoluteUrl", views.base() + "user/" + r.user(),
          "description", null, "fullName", r.user(), "id", r.user(), "property", List.of()));
    } else if (r.is("whoAmI", "api", "json")) {
      json(r, map("_class", "hudson.security.WhoAmI", "anonymous", false, "authenticated", true,
          "authorities", List.of("authenticated"), "name", r.user()));
    } else if (r.is("pluginManager", "api", "json")) {
      json(r, map("_class", "hudson.LocalPluginManager", "plugins", List.of()));
    } else {
      return false;
    }
    return true;
  }

  private boolean folder(Request r) {
    Context ctx = r.ctx();
    if (r.is("createItem")) {
      requirePost(r);
      String name = ctx.queryParam("name");
      JobPath path = r.job().child(JobPath.checkName(name));
      byte[] xml;
      if ("copy".equals(ctx.queryParam("mode"))) {
        String from = ctx.queryParam("from");
        JobPath source = from != null && from.startsWith("/")
            ? JobPath.parse(from.substring(1)) : r.job().child(JobPath.checkName(from));
        xml = jobs.read(source);
      } else {
        xml = body(ctx);
      }
      JobConfig config = jobs.create(path, xml);
      warn(ctx, path, config);
      ok(ctx, 200);
    } else if (r.is("checkJobName")) {
      String problem = JobPath.problem(ctx.queryParam("value"));
      if (problem == null && ctx.queryParam("value") != null
          && jobs.exists(r.job().child(ctx.queryParam("value")))) {
        problem = "A job already exists with the name " + ctx.queryParam("value");
      }
      ctx.contentType("text/html;charset=utf-8").result(problem == null ? "<div/>"
          : "<div class=error>" + escape(problem) + "</div>");
    } else {
      return false;
    }
    return true;
  }

  private boolean job(Request r) {
    Context ctx = r.ctx();
    JobPath p = r.job();
    if (r.is("config.xml")) {
      if (r.method().equals("GET")) {
        ctx.contentType("application/xml;charset=utf-8").result(jobs.read(p));
      } else {
        requirePost(r);
        JobConfig config = jobs.update(p, body(ctx));
        warn(ctx, p, config);
        ok(ctx, 200);
      }
    } else if (r.is("doDelete") || (r.rest().isEmpty() && r.method().equals("DELETE"))) {
      if (!r.method().equals("DELETE")) {
        requirePost(r);
      }
      jobs.delete(p);
      ok(ctx, 200);
    } else if (r.is("enable") || r.is("disable")) {
      requirePost(r);
      jobs.setDisabled(p, r.is("disable"));
      ok(ctx, 200);
    } else if (r.is("api", "json")) {
      json(r, views.job(jobs.get(p), r.ctx().queryParam("tree") != null));
    } else if (r.rest().isEmpty()) {
      jobs.get(p);
      ctx.contentType("text/plain; charset=utf-8").result("job " + p + "\n");
    } else {
      return false;
    }
    return true;
  }

  /** The request's body, refused with 413 past {@link JobConfigParser#MAX_BYTES}. */
  static byte[] body(Context ctx) {
    String tooLarge = "config.xml is larger than " + JobConfigParser.MAX_BYTES + " bytes";
    if (ctx.req().getContentLengthLong() > JobConfigParser.MAX_BYTES) {
      throw new JenkinsApiException(413, tooLarge);
    }
    try {
      return BoundedBody.read(ctx.req().getInputStream(), JobConfigParser.MAX_BYTES);
    } catch (BoundedBody.TooLarge e) {
      throw new JenkinsApiException(413, tooLarge);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reports what the engine keeps but does not use, and for an inline pipeline script what the
   * Jenkinsfile converter found (its errors mean the job cannot build).
   */
  private void warn(Context ctx, JobPath path, JobConfig config) {
    java.util.List<String> warnings = new java.util.ArrayList<>(config.warnings());
    if (config.script() != null) {
      Jenkinsfiles.Converted c = jenkinsfiles.convert(config.script(), path + "/config.xml#script");
      c.errors().forEach(e -> warnings.add("Jenkinsfile error (builds will be refused): " + e));
      c.warnings().forEach(w -> warnings.add("Jenkinsfile: " + w));
    }
    int n = 0;
    for (String w : warnings) {
      LOG.info("Jenkins job {}: {}", path, w);
      if (n++ < MAX_WARNING_HEADERS) {
        ctx.res().addHeader("X-Jxe-Warning", w.replaceAll("[^\\x20-\\x7e]", "?"));
      }
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
