package io.jxengine.gitops;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pos;
import io.jxengine.parse.YamlDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The plain manifests of an application, {@code apps/<app>/manifests/*.yaml}: every document must
 * be a Kubernetes object ({@code apiVersion}, {@code kind}, {@code metadata.name}); {@code
 * ${VERSION}} is replaced by the application's version. Mistakes are diagnostics (JX003, JX803)
 * pointing at the document. Stateless.
 */
public final class Manifests {
  private static final int MAX_FILES = 200;

  private Manifests() {}

  /** One object of a manifest, as text and as plain Java values, with where it was written. */
  public record Rendered(String app, String yaml, Map<String, Object> object, Pos pos) {}

  /** The rendered objects of {@code app}, in file order; empty (reported) when any is broken. */
  public static List<Rendered> read(Path root, AppSpec app, Diagnostics diags) {
    Path dir = root.resolve(EnvRepoReader.APPS_DIR).resolve(app.name()).resolve("manifests");
    String base = EnvRepoReader.APPS_DIR + "/" + app.name() + "/manifests/";
    if (!Files.isDirectory(dir)) {
      diags.report(Code.FILE_NOT_FOUND, Pos.fileStart(base), "", base);
      return List.of();
    }
    List<Rendered> out = new ArrayList<>();
    int errorsBefore = errorCount(diags);
    for (Path file : files(dir)) {
      String display = base + file.getFileName();
      String text;
      try {
        if (Files.size(file) > YamlDocuments.MAX_BYTES) {
          diags.report(Code.FILE_TOO_LARGE, Pos.fileStart(display), "", Files.size(file), YamlDocuments.MAX_BYTES);
          continue;
        }
        text = Files.readString(file, StandardCharsets.UTF_8).replace("${VERSION}", SemVer.normalize(app.version() == null ? "" : app.version()));
      } catch (IOException | java.io.UncheckedIOException e) {
        diags.report(Code.YAML_SYNTAX, Pos.fileStart(display), "", "the file cannot be read as UTF-8 text");
        continue;
      }
      List<Node> docs = YamlDocuments.composeAll(text, display, diags);
      List<String> texts = splitDocuments(text);
      List<Object> values = docs.isEmpty() ? List.of() : loadAll(text);
      for (int i = 0; i < docs.size(); i++) {
        Pos pos = pos(display, docs.get(i));
        String problem = problem(docs.get(i));
        if (problem != null) {
          diags.report(Code.MANIFEST_INVALID, pos, "", problem);
        } else if (i < values.size() && values.get(i) instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> object = (Map<String, Object>) m;
          out.add(new Rendered(app.name(), i < texts.size() ? texts.get(i) : "", object, pos));
        }
      }
    }
    return errorCount(diags) > errorsBefore ? List.of() : out;
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(Files::isRegularFile).sorted().limit(MAX_FILES).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Why the document is not a Kubernetes object, or null when it is one. */
  static String problem(Node doc) {
    if (!(doc instanceof MappingNode map)) {
      return "a document must be a mapping";
    }
    String apiVersion = scalar(map, "apiVersion");
    String kind = scalar(map, "kind");
    Node metadata = value(map, "metadata");
    String name = metadata instanceof MappingNode m ? scalar(m, "name") : null;
    if (apiVersion == null || apiVersion.isBlank()) {
      return "`apiVersion` is missing";
    }
    if (kind == null || kind.isBlank()) {
      return "`kind` is missing";
    }
    if (name == null || name.isBlank()) {
      return "`metadata.name` is missing";
    }
    return null;
  }

  private static String scalar(MappingNode map, String key) {
    return value(map, key) instanceof ScalarNode s ? s.getValue() : null;
  }

  private static Node value(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static Pos pos(String display, Node node) {
    var m = node.getStartMark();
    return m == null ? Pos.fileStart(display) : Pos.of(display, m.getLine() + 1, m.getColumn() + 1);
  }

  private static List<Object> loadAll(String text) {
    List<Object> out = new ArrayList<>();
    for (Object o : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  /** The text of each non-empty document, split at {@code ---} lines. */
  private static List<String> splitDocuments(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split("(?m)^---.*$")) {
      if (!part.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        out.add(part.strip() + "\n");
      }
    }
    return out;
  }

  private static int errorCount(Diagnostics diags) {
    return (int) diags.sorted().stream().filter(d -> d.isError()).count();
  }
}
