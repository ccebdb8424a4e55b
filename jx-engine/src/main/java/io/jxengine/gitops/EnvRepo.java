package io.jxengine.gitops;

import io.jxengine.diag.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An environment repository as read from a checkout: its settings, its applications (sorted by
 * name) and every diagnostic found. {@code settings} is null when {@code env.yaml} is unusable.
 */
public record EnvRepo(Path root, EnvSettings settings, List<AppSpec> apps, List<Diagnostic> diagnostics) {
  public EnvRepo {
    apps = List.copyOf(apps);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public Optional<AppSpec> app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst();
  }
}
