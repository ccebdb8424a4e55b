package io.jxengine.scm;

/**
 * A repository on a provider: {@code owner/name} (GitLab groups may nest: owner {@code a/b}).
 */
public record RepoRef(ProviderKind provider, String owner, String name) {
  public String fullName() {
    return owner + "/" + name;
  }
}
