package io.jxengine.parse;

import io.jxengine.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Finds the pipeline files of a repository checkout. Stateless; reads the file system only. */
public final class PipelineLocator {
  public static final String DEFAULT_NAME = "default";

  private PipelineLocator() {}

  /**
   * {@code .jx/pipeline.yaml} (name from its {@code name:} or "default") and
   * {@code .jx/pipelines/*.yaml|yml} (file stem). Sorted by name, the default file first. A
   * repository without either is read by the first installed {@link PipelineSourceFormat} that
   * finds its file (a {@code Jenkinsfile}). A missing {@code .jx} directory otherwise gives an empty list; an unreadable default file keeps the
   * name "default" (the parser reports what is wrong with it).
   */
  public static List<PipelineSource> find(Path repoDir) {
    List<PipelineSource> out = new ArrayList<>();
    Path jx = repoDir.resolve(".jx");
    for (String fileName : List.of("pipeline.yaml", "pipeline.yml")) {
      Path main = jx.resolve(fileName);
      if (Files.isRegularFile(main)) {
        out.add(new PipelineSource(declaredName(main), main, ".jx/" + fileName));
        break;
      }
    }
    Path dir = jx.resolve("pipelines");
    if (Files.isDirectory(dir)) {
      List<PipelineSource> more = new ArrayList<>();
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().matches(".+\\.ya?ml"))
            .forEach(
                f -> {
                  String fileName = f.getFileName().toString();
                  String stem = fileName.substring(0, fileName.lastIndexOf('.'));
                  more.add(new PipelineSource(stem, f, ".jx/pipelines/" + fileName));
                });
      } catch (IOException e) {
        // an unreadable directory holds no pipelines we could run
      }
      more.sort(Comparator.comparing(PipelineSource::name).thenComparing(PipelineSource::displayPath));
      out.addAll(more);
    }
    if (out.isEmpty()) {
      otherFormat(repoDir).ifPresent(out::add);
    }
    return out;
  }

  /** Without native files: the first file an installed {@link PipelineSourceFormat} reads. */
  private static java.util.Optional<PipelineSource> otherFormat(Path repoDir) {
    for (PipelineSourceFormat f : PipelineSourceFormat.installed()) {
      for (String name : f.fileNames()) {
        Path file = repoDir.resolve(name);
        if (Files.isRegularFile(file)) {
          return java.util.Optional.of(new PipelineSource(DEFAULT_NAME, file, name, f));
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The default file's top-level {@code name:}, or "default" when it has none or cannot be read. */
  private static String declaredName(Path file) {
    return YamlDocuments.read(file, file.toString(), new Diagnostics())
        .filter(MappingNode.class::isInstance)
        .flatMap(
            root ->
                ((MappingNode) root)
                    .getValue().stream()
                        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("name"))
                        .map(NodeTuple::getValueNode)
                        .filter(v -> v instanceof ScalarNode s && !s.getValue().isBlank())
                        .map(v -> ((ScalarNode) v).getValue())
                        .findFirst())
        .orElse(DEFAULT_NAME);
  }
}
