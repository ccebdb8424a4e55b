package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.diag.Diagnostics;
import io.jxengine.model.Pos;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a user's YAML file into a node tree with positions, safely: at most {@link #MAX_BYTES},
 * few aliases (no billion laughs), no recursive keys, bounded nesting. Every failure is a
 * diagnostic (JX001, JX002, JX003, JX005) and an empty result; nothing is thrown.
 */
public final class YamlDocuments {
  public static final long MAX_BYTES = 1024 * 1024;
  // Anchors are handy for a few shared blocks; dozens of them only serve to blow up a walk.
  private static final int MAX_ALIASES = 20;

  private YamlDocuments() {}

  /** The file's single document, or empty (reported) when it cannot be read. */
  public static Optional<Node> read(Path file, String displayPath, Diagnostics diags) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        diags.report(Code.FILE_TOO_LARGE, Pos.fileStart(displayPath), "", size, MAX_BYTES);
        return Optional.empty();
      }
      return compose(Files.readString(file, StandardCharsets.UTF_8), displayPath, diags);
    } catch (NoSuchFileException e) {
      diags.report(Code.FILE_NOT_FOUND, Pos.fileStart(displayPath), "", displayPath);
    } catch (IOException | java.io.UncheckedIOException e) {
      // Not valid UTF-8, a directory, no permission: the file cannot be read as text.
      diags.report(Code.YAML_SYNTAX, Pos.fileStart(displayPath), "", "the file cannot be read as UTF-8 text");
    }
    return Optional.empty();
  }

  /** The text's single document, or empty (reported) when it is empty, too large or malformed. */
  public static Optional<Node> compose(String yaml, String displayPath, Diagnostics diags) {
    long size = yaml.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_BYTES) {
      diags.report(Code.FILE_TOO_LARGE, Pos.fileStart(displayPath), "", size, MAX_BYTES);
      return Optional.empty();
    }
    try {
      Node root = new Yaml(options()).compose(new StringReader(yaml));
      if (root == null) {
        diags.report(Code.EMPTY_DOCUMENT, Pos.fileStart(displayPath), "");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (YAMLException e) {
      reportSyntax(e, displayPath, diags);
    }
    return Optional.empty();
  }

  /**
   * Every document of a multi-document text (Kubernetes manifests), with the same limits; empty
   * documents are left out. Empty (reported) when the text is too large or malformed.
   */
  public static java.util.List<Node> composeAll(String yaml, String displayPath, Diagnostics diags) {
    long size = yaml.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_BYTES) {
      diags.report(Code.FILE_TOO_LARGE, Pos.fileStart(displayPath), "", size, MAX_BYTES);
      return java.util.List.of();
    }
    java.util.List<Node> out = new java.util.ArrayList<>();
    try {
      for (Node node : new Yaml(options()).composeAll(new StringReader(yaml))) {
        if (node != null) {
          out.add(node);
        }
      }
      return out;
    } catch (YAMLException e) {
      reportSyntax(e, displayPath, diags);
    }
    return java.util.List.of();
  }

  private static void reportSyntax(YAMLException e, String displayPath, Diagnostics diags) {
    if (e instanceof MarkedYAMLException marked) {
      Mark m = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      Pos pos = m == null ? Pos.fileStart(displayPath) : Pos.of(displayPath, m.getLine() + 1, m.getColumn() + 1);
      String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
      diags.report(Code.YAML_SYNTAX, pos, "", oneLine(problem));
    } else {
      diags.report(Code.YAML_SYNTAX, Pos.fileStart(displayPath), "", oneLine(e.getMessage()));
    }
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(50);
    options.setCodePointLimit((int) MAX_BYTES + 1);
    options.setAllowDuplicateKeys(true); // reported as JX004 by NodeReader, with both lines
    return options;
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable document" : s.strip().replaceAll("\\s+", " ");
  }
}
