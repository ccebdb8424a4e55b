package io.jxengine.kube.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import java.util.Objects;

/**
 * What is known of a run when it starts. Field names follow Jenkins X's PipelineActivity spec
 * ({@code pipeline}, {@code build}, {@code gitOwner}, {@code lastCommitSHA}, ...), so tools that
 * read those keep working; {@code activityId}, {@code pullNumber}, {@code source} and
 * {@code event} are jx-engine's own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public class PipelineActivitySpec {
  private Long activityId;

  @PrinterColumn(name = "Pipeline", priority = 0)
  private String pipeline;

  @PrinterColumn(name = "Build", priority = 0)
  private String build;

  @PrinterColumn(name = "Context", priority = 1)
  private String context;

  private String gitOwner;
  private String gitRepository;
  private String gitBranch;
  private String gitUrl;
  private String lastCommitSHA;
  private String lastCommitMessage;
  private String author;
  private String pullTitle;
  private Integer pullNumber;
  private String baseSHA;
  private String version;
  private String source;
  private String event;
  private String buildUrl;
  private String buildLogsUrl;

  /** The engine's id of the activity, unique across repositories. */
  public Long getActivityId() {
    return activityId;
  }

  public void setActivityId(Long activityId) {
    this.activityId = activityId;
  }

  /** {@code owner/repo/branch}. */
  public String getPipeline() {
    return pipeline;
  }

  public void setPipeline(String pipeline) {
    this.pipeline = pipeline;
  }

  /** The build number as text, as in Jenkins X. */
  public String getBuild() {
    return build;
  }

  public void setBuild(String build) {
    this.build = build;
  }

  /** The pipeline's name, such as {@code release} or {@code pr}. */
  public String getContext() {
    return context;
  }

  public void setContext(String context) {
    this.context = context;
  }

  public String getGitOwner() {
    return gitOwner;
  }

  public void setGitOwner(String gitOwner) {
    this.gitOwner = gitOwner;
  }

  public String getGitRepository() {
    return gitRepository;
  }

  public void setGitRepository(String gitRepository) {
    this.gitRepository = gitRepository;
  }

  public String getGitBranch() {
    return gitBranch;
  }

  public void setGitBranch(String gitBranch) {
    this.gitBranch = gitBranch;
  }

  public String getGitUrl() {
    return gitUrl;
  }

  public void setGitUrl(String gitUrl) {
    this.gitUrl = gitUrl;
  }

  public String getLastCommitSHA() {
    return lastCommitSHA;
  }

  public void setLastCommitSHA(String lastCommitSHA) {
    this.lastCommitSHA = lastCommitSHA;
  }

  public String getLastCommitMessage() {
    return lastCommitMessage;
  }

  public void setLastCommitMessage(String lastCommitMessage) {
    this.lastCommitMessage = lastCommitMessage;
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = author;
  }

  public String getPullTitle() {
    return pullTitle;
  }

  public void setPullTitle(String pullTitle) {
    this.pullTitle = pullTitle;
  }

  public Integer getPullNumber() {
    return pullNumber;
  }

  public void setPullNumber(Integer pullNumber) {
    this.pullNumber = pullNumber;
  }

  public String getBaseSHA() {
    return baseSHA;
  }

  public void setBaseSHA(String baseSHA) {
    this.baseSHA = baseSHA;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  /** Where the pipeline came from: native, jenkinsfile, jenkins. */
  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  /** What started the run: push, pull_request, tag, comment, cron, manual. */
  public String getEvent() {
    return event;
  }

  public void setEvent(String event) {
    this.event = event;
  }

  public String getBuildUrl() {
    return buildUrl;
  }

  public void setBuildUrl(String buildUrl) {
    this.buildUrl = buildUrl;
  }

  public String getBuildLogsUrl() {
    return buildLogsUrl;
  }

  public void setBuildLogsUrl(String buildLogsUrl) {
    this.buildLogsUrl = buildLogsUrl;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PipelineActivitySpec s)) {
      return false;
    }
    return Objects.equals(activityId, s.activityId)
        && Objects.equals(pipeline, s.pipeline)
        && Objects.equals(build, s.build)
        && Objects.equals(context, s.context)
        && Objects.equals(gitOwner, s.gitOwner)
        && Objects.equals(gitRepository, s.gitRepository)
        && Objects.equals(gitBranch, s.gitBranch)
        && Objects.equals(gitUrl, s.gitUrl)
        && Objects.equals(lastCommitSHA, s.lastCommitSHA)
        && Objects.equals(lastCommitMessage, s.lastCommitMessage)
        && Objects.equals(author, s.author)
        && Objects.equals(pullTitle, s.pullTitle)
        && Objects.equals(pullNumber, s.pullNumber)
        && Objects.equals(baseSHA, s.baseSHA)
        && Objects.equals(version, s.version)
        && Objects.equals(source, s.source)
        && Objects.equals(event, s.event)
        && Objects.equals(buildUrl, s.buildUrl)
        && Objects.equals(buildLogsUrl, s.buildLogsUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(activityId, pipeline, build, context, lastCommitSHA);
  }
}
