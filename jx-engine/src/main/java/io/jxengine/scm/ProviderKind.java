package io.jxengine.scm;

/** The kinds of git hosting the engine talks to. {@code GIT} is a plain repository, no API. */
public enum ProviderKind {
  GITHUB,
  GITLAB,
  GITEA,
  GIT
}
