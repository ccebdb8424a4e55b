package io.jxengine.gitops;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pos;
import io.jxengine.parse.Fields;
import io.jxengine.parse.NodeReader;
import io.jxengine.parse.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks an environment repository checkout: {@code env.yaml}, every {@code
 * apps/<app>.yaml} and the manifests of manifest applications. Every mistake is a diagnostic with
 * {@code file:line:col} (paths relative to the repository); nothing is thrown for a user's file.
 * Stateless and thread-safe.
 */
public final class EnvRepoReader {
  public static final String ENV_FILE = "env.yaml";
  public static final String APPS_DIR = "apps";
  /** Names of environments, applications and namespaces: DNS-1123 labels. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final int MAX_APPS = 1000;
  private static final List<String> ENV_KEYS = List.of("name", "namespace", "strategy", "cluster");
  private static final List<String> APP_KEYS =
      List.of("chart", "repository", "version", "manifests", "values");

  private EnvRepoReader() {}

  /** Reads the repository at {@code root}; manifests are checked too. */
  public static EnvRepo read(Path root) {
    Diagnostics diags = new Diagnostics();
    EnvSettings settings = settings(root, diags);
    List<AppSpec> apps = new ArrayList<>();
    for (Path file : appFiles(root, diags)) {
      app(root, file, diags).ifPresent(apps::add);
    }
    for (AppSpec app : apps) {
      if (app.manifests() && app.chart() == null) {
        Manifests.read(root, app, diags);
      }
    }
    return new EnvRepo(root, settings, apps, diags.sorted());
  }

  /**
   * Reads only {@code apps/<name>.yaml} (for a promotion's one-line edit: the rest of the
   * repository is checked by its own pipeline). Empty when the file does not exist.
   */
  static Optional<AppSpec> readApp(Path root, String name, Diagnostics diags) {
    Path file = root.resolve(APPS_DIR).resolve(name + ".yaml");
    return NAME.matcher(name).matches() && Files.isRegularFile(file) ? app(root, file, diags) : Optional.empty();
  }

  private static EnvSettings settings(Path root, Diagnostics diags) {
    Optional<Node> doc = YamlDocuments.read(root.resolve(ENV_FILE), ENV_FILE, diags);
    if (doc.isEmpty()) {
      return null;
    }
    NodeReader r = new NodeReader(ENV_FILE, diags);
    Fields f = r.fields(doc.get(), "", ENV_FILE, ENV_KEYS);
    if (f == null) {
      return null;
    }
    String name = required(f, "name", diags);
    String namespace = required(f, "namespace", diags);
    String strategyText = required(f, "strategy", diags);
    checkName(f, "name", name, diags);
    checkName(f, "namespace", namespace, diags);
    PromotionStrategy strategy = PromotionStrategy.parse(strategyText).orElse(null);
    if (strategyText != null && strategy == null) {
      diags.report(Code.INVALID_VALUE, f.valuePos("strategy"), "strategy", strategyText, "strategy",
          "Auto, Manual, Never");
    }
    String cluster = f.has("cluster") ? f.string("cluster") : "";
    if (name == null || namespace == null || strategy == null) {
      return null;
    }
    return new EnvSettings(name, namespace, strategy, cluster == null ? "" : cluster);
  }

  private static List<Path> appFiles(Path root, Diagnostics diags) {
    Path dir = root.resolve(APPS_DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> out = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(Files::isRegularFile).sorted().limit(MAX_APPS + 1L).toList();
      if (out.size() > MAX_APPS) {
        diags.report(Code.INVALID_NUMBER, Pos.fileStart(APPS_DIR), "apps", "the number of applications",
            "at most " + MAX_APPS);
        return out.subList(0, MAX_APPS);
      }
      return out;
    } catch (IOException e) {
      diags.report(Code.FILE_NOT_FOUND, Pos.fileStart(APPS_DIR), "", APPS_DIR + ": " + e.getMessage());
      return List.of();
    }
  }

  private static Optional<AppSpec> app(Path root, Path file, Diagnostics diags) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - ".yaml".length());
    String display = APPS_DIR + "/" + fileName;
    if (!NAME.matcher(name).matches()) {
      diags.report(Code.INVALID_VALUE, Pos.fileStart(display), "", name, "application name",
          "a lower-case DNS label (letters, digits, `-`)");
      return Optional.empty();
    }
    Optional<Node> doc = YamlDocuments.read(file, display, diags);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    NodeReader r = new NodeReader(display, diags);
    Fields f = r.fields(doc.get(), "", display, APP_KEYS);
    if (f == null) {
      return Optional.empty();
    }
    String version = required(f, "version", diags);
    if (version != null && !SemVer.isValid(version)) {
      diags.report(Code.VERSION_NOT_SEMVER, f.valuePos("version"), "version", version);
    }
    String chart = f.has("chart") ? f.string("chart") : null;
    boolean manifests = Boolean.TRUE.equals(f.has("manifests") ? f.bool("manifests") : null);
    if (chart != null && manifests) {
      diags.report(Code.CONFLICTING_FIELDS, f.keyPos("manifests"), "manifests", "chart", "manifests");
    } else if (chart == null && !manifests) {
      diags.report(Code.APP_WITHOUT_SOURCE, f.pos(), "", name);
    }
    String repository = f.has("repository") ? f.string("repository") : null;
    if (repository != null && !repository.matches("(?i)https?://[^/\\s]+.*")) {
      diags.report(Code.INVALID_VALUE, f.valuePos("repository"), "repository", repository, "repository",
          "an http(s) URL of a Helm chart repository");
    }
    Map<String, Object> values = f.has("values") ? values(file, f, r) : Map.of();
    return Optional.of(new AppSpec(name, chart, repository,
        version, manifests, values, f.valuePos("version")));
  }

  /** The {@code values:} mapping as plain Java values (already bounded by the node read). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> values(Path file, Fields f, NodeReader r) {
    Node node = f.node("values");
    if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
      r.wrongType(node, "values", "a mapping");
      return Map.of();
    }
    try {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
      Object values = doc instanceof Map<?, ?> m ? m.get("values") : null;
      return values instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
    } catch (IOException | RuntimeException e) {
      return Map.of(); // the node read above already reported anything unreadable
    }
  }

  private static String required(Fields f, String key, Diagnostics diags) {
    if (!f.has(key)) {
      diags.report(Code.MISSING_FIELD, f.pos(), key, key, f.field().isEmpty() ? "the document" : f.field());
      return null;
    }
    return f.string(key);
  }

  private static void checkName(Fields f, String key, String value, Diagnostics diags) {
    if (value != null && !NAME.matcher(value).matches()) {
      diags.report(Code.INVALID_VALUE, f.valuePos(key), key, value, key,
          "a lower-case DNS label (letters, digits, `-`, at most 63 characters)");
    }
  }
}
