package io.jxengine.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the engine keeps its state on this machine: {@code $JXE_HOME}, or {@code ~/.jxe}. Holds
 * the SQLite database, step logs, run workspaces and the local secrets file.
 */
public final class JxeHome {
  private final Path root;
  private final List<Path> builtInCatalogs;

  public JxeHome(Path root, List<Path> builtInCatalogs) {
    this.root = root.toAbsolutePath().normalize();
    this.builtInCatalogs = List.copyOf(builtInCatalogs);
  }

  /**
   * From the environment: {@code JXE_HOME} (else {@code ~/.jxe}) and the built-in catalog from
   * the {@code jxe.catalog} system property or {@code JXE_CATALOG} (the launcher sets it to the
   * repository's {@code pipelines/catalog}).
   */
  public static JxeHome fromEnvironment(Map<String, String> env) {
    String home = env.get("JXE_HOME");
    Path root =
        home != null && !home.isBlank()
            ? Path.of(home)
            : Path.of(System.getProperty("user.home"), ".jxe");
    List<Path> catalogs = new ArrayList<>();
    String prop = System.getProperty("jxe.catalog");
    String fromEnv = env.get("JXE_CATALOG");
    for (String c : new String[] {prop, fromEnv}) {
      if (c != null && !c.isBlank()) {
        catalogs.add(Path.of(c));
      }
    }
    return new JxeHome(root, catalogs);
  }

  public Path root() {
    return root;
  }

  public Path database() {
    return root.resolve("jxe.db");
  }

  public Path logs() {
    return root.resolve("logs");
  }

  public Path workspaces() {
    return root.resolve("workspaces");
  }

  public Path scripts() {
    return root.resolve("scripts");
  }

  public Path secretsFile() {
    return root.resolve("secrets.yaml");
  }

  /** The built-in catalog roots that exist on this machine. */
  public List<Path> builtInCatalogs() {
    return builtInCatalogs.stream().filter(Files::isDirectory).toList();
  }

  /** Creates the directories the engine writes to. */
  public JxeHome ensureExists() throws java.io.IOException {
    Files.createDirectories(root);
    Files.createDirectories(logs());
    Files.createDirectories(workspaces());
    Files.createDirectories(scripts());
    return this;
  }
}
