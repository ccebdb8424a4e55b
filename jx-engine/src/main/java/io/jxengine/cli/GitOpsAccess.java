package io.jxengine.cli;

import io.jxengine.gitops.Environment;
import io.jxengine.scm.GitProvider;
import io.jxengine.scm.provider.GitProviders;
import io.jxengine.secrets.SecretProvider;
import java.util.List;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Provider clients and git credentials of environments, from the token secret an environment was
 * registered with ({@code --token-secret secret/key}); the token is read from the local secrets,
 * never stored in the database.
 */
final class GitOpsAccess {
  private final SecretProvider secrets;

  GitOpsAccess(EngineContext engine) {
    this.secrets = engine.secrets(List.of());
  }

  GitProvider provider(Environment env) {
    if (env.apiUrl() == null) {
      throw new UserException("environment " + env.name() + " has no --api-url for its "
          + env.provider().name().toLowerCase(java.util.Locale.ROOT) + " provider");
    }
    return GitProviders.create(env.provider(), env.apiUrl(), token(env));
  }

  /** Credentials for cloning and pushing, or null for a repository that needs none. */
  CredentialsProvider credentials(Environment env) {
    if (env.tokenSecret() == null) {
      return null;
    }
    String user = switch (env.provider()) {
      case GITLAB -> "oauth2";
      default -> "x-access-token";
    };
    return new UsernamePasswordCredentialsProvider(user, token(env));
  }

  private String token(Environment env) {
    if (env.tokenSecret() == null) {
      return null;
    }
    int slash = env.tokenSecret().indexOf('/');
    String name = env.tokenSecret().substring(0, Math.max(0, slash));
    String key = env.tokenSecret().substring(slash + 1);
    return secrets.lookup(name, key).orElseThrow(() -> new UserException("the token secret "
        + env.tokenSecret() + " of environment " + env.name() + " is not configured (set "
        + SecretProvider.envVarFor(name, key) + " or add it to secrets.yaml)"));
  }
}
