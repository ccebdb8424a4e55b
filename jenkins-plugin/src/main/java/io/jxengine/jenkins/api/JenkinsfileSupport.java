package io.jxengine.jenkins.api;

/** The Jenkinsfile converter pipeline jobs use; a stand-in until the converter is built in. */
final class JenkinsfileSupport {
  private JenkinsfileSupport() {}

  static Jenkinsfiles converter() {
    return Jenkinsfiles.UNAVAILABLE;
  }
}
