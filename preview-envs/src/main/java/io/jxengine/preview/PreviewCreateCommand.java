package io.jxengine.preview;

import io.jxengine.cli.ExitCodes;
import io.jxengine.kube.apply.KubeApplyException;
import io.jxengine.parse.GoDuration;
import io.jxengine.scm.ProviderKind;
import io.jxengine.scm.RepoRef;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jxe preview create}: a step of a pull-request pipeline, after the image is built. Reads
 * the pull request from the job variables ({@code REPO_OWNER}, {@code REPO_NAME}, {@code
 * PULL_NUMBER}, {@code VERSION}), deploys, and exports {@code PREVIEW_URL}, {@code PREVIEW_NAME}
 * and {@code PREVIEW_NAMESPACE} to later steps through {@code $JXE_ENV}. Exit 1 with one line
 * saying why when it cannot (no cluster, a chart that fails to render, a rollout not ready).
 */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Deploys this build of a pull request to its preview environment.")
final class PreviewCreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--image", description = "The image to deploy (default: $PREVIEW_IMAGE).")
  String image = System.getenv("PREVIEW_IMAGE");

  @Option(names = "--version", description = "This build's version (default: $VERSION).")
  String version = System.getenv("VERSION");

  @Option(names = "--owner", description = "Repository owner (default: $REPO_OWNER).")
  String owner = System.getenv("REPO_OWNER");

  @Option(names = "--repo", description = "Repository name (default: $REPO_NAME).")
  String repo = System.getenv("REPO_NAME");

  @Option(names = "--pr", description = "Pull request number (default: $PULL_NUMBER).")
  String pullNumber = System.getenv("PULL_NUMBER");

  @Option(names = "--provider", description = "github or gitlab (default: $JXE_GIT_PROVIDER, else github).")
  String provider = Optional.ofNullable(System.getenv("JXE_GIT_PROVIDER")).orElse("github");

  @Option(names = "--chart", description = "The application's chart directory (default: the preview chart).")
  Path chart;

  @Option(names = "--domain", description = "{domain} of the host pattern (default: $PREVIEW_DOMAIN, else 127.0.0.1.nip.io).")
  String domain = Optional.ofNullable(System.getenv("PREVIEW_DOMAIN")).orElse("127.0.0.1.nip.io");

  @Option(names = "--host-pattern", description = "Ingress host pattern (default: " + PreviewRequest.DEFAULT_HOST_PATTERN + ").")
  String hostPattern = System.getenv("PREVIEW_HOST_PATTERN");

  @Option(names = "--timeout", description = "How long to wait for the rollout (Go duration, default 5m; 0s: do not wait).")
  String timeout = "5m";

  @Option(names = "--ttl", description = "Delete the preview after this long without a push (default 72h).")
  String ttl = "72h";

  @Option(names = "--max-previews", description = "Previews this repository may keep; the oldest go first (default 5).")
  int maxPreviews = 5;

  @Option(names = "--pr-url", description = "The pull request's web page (default: asked of the provider).")
  String pullRequestUrl;

  @Option(names = "--quota", description = "ResourceQuota entries key=quantity,... over the defaults"
      + " (pods=20,requests.cpu=2,requests.memory=4Gi,limits.cpu=4,limits.memory=8Gi; default: $PREVIEW_QUOTA).")
  String quota = System.getenv("PREVIEW_QUOTA");

  @Option(names = "--limits", description = "Container defaults key=quantity,... over"
      + " cpu=500m,memory=512Mi,request.cpu=100m,request.memory=128Mi (default: $PREVIEW_LIMITS).")
  String limits = System.getenv("PREVIEW_LIMITS");

  @Option(names = "--namespace", description = "Where Preview resources are kept (default: $JXE_PREVIEW_NAMESPACE, else the kubeconfig's).")
  String namespace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PreviewRequest request;
    try {
      request = request();
    } catch (IllegalArgumentException e) {
      return fail(err, e.getMessage());
    }
    Optional<PreviewCli> cli = PreviewCli.open(namespace);
    if (cli.isEmpty()) {
      return fail(err, PreviewCli.NO_CLUSTER);
    }
    try (PreviewCli c = cli.get()) {
      out.println("preview " + request.name() + ": deploying " + request.image());
      out.flush();
      PreviewService.Created created = c.service.create(request);
      created.notes().forEach(n -> err.println("jxe: warning: " + n));
      String url = created.url() == null ? "" : created.url();
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("PREVIEW_URL", url);
      vars.put("PREVIEW_NAME", request.name());
      vars.put("PREVIEW_NAMESPACE", request.name());
      String pullRequestUrl = created.preview().getSpec().getPullRequestUrl();
      // the run page links the http(s) addresses of a Preview step's message
      vars.put("JXE_STEP_MESSAGE", "preview " + request.name() + (url.isEmpty() ? "" : " at " + url)
          + (pullRequestUrl == null ? "" : " for " + pullRequestUrl)
          + (created.notes().isEmpty() ? "" : " (" + String.join("; ", created.notes()) + ")"));
      PreviewCli.export(vars);
      out.println("preview " + request.name() + " ready" + (url.isEmpty() ? "" : ": " + url));
      out.flush();
      err.flush();
      return ExitCodes.OK;
    } catch (KubeApplyException | IllegalArgumentException e) {
      return fail(err, e.getMessage());
    }
  }

  private PreviewRequest request() {
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("no image to deploy: pass --image or set PREVIEW_IMAGE");
    }
    if (owner == null || owner.isBlank() || repo == null || repo.isBlank()) {
      throw new IllegalArgumentException("no repository: pass --owner and --repo (or run as a"
          + " step, which sets REPO_OWNER and REPO_NAME)");
    }
    int number;
    try {
      number = Integer.parseInt(pullNumber == null ? "" : pullNumber.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a pull-request build: PULL_NUMBER is empty"
          + " (pass --pr, or run this step in a pull-request pipeline)");
    }
    ProviderKind kind;
    try {
      kind = ProviderKind.valueOf(provider.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown provider " + provider + " (github or gitlab)");
    }
    Duration rollout = duration("--timeout", timeout);
    Duration keep = duration("--ttl", ttl);
    if (maxPreviews < 1) {
      throw new IllegalArgumentException("--max-previews must be at least 1");
    }
    PreviewGuards guards = PreviewGuards.parse(quota, "--quota (the preview step's `quota`)",
        limits, "--limits (the preview step's `limits`)");
    String prUrl = pullRequestUrl == null || pullRequestUrl.isBlank() ? null : pullRequestUrl;
    if (prUrl != null && !prUrl.matches("https?://\\S{1,2000}")) {
      throw new IllegalArgumentException("--pr-url " + prUrl + " is not an http(s) URL");
    }
    PreviewRequest r = new PreviewRequest(new RepoRef(kind, owner, repo), number,
        prUrl, image, version, chart, hostPattern, domain, rollout, keep,
        maxPreviews, guards);
    r.host(); // refuses a pattern that gives an invalid host before anything is made
    return r;
  }

  private static Duration duration(String option, String text) {
    return GoDuration.parse(text).orElseThrow(() -> new IllegalArgumentException(
        option + " " + text + " is not a duration such as 90s, 5m or 72h"));
  }

  private static int fail(PrintWriter err, String message) {
    err.println("jxe: " + message);
    err.flush();
    PreviewCli.export(Map.of("JXE_STEP_MESSAGE", message));
    return ExitCodes.FAILED;
  }
}
