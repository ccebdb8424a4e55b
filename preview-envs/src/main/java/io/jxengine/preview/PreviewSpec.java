package io.jxengine.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.crd.generator.annotation.PrinterColumn;

/**
 * What a {@link Preview} records. Times are ISO-8601 strings (as in PipelineActivity); every
 * object the preview made carries the owner labels {@code jx-engine.io/owner-set=<name>} in
 * {@link #getNamespace()}, which is deleted as a whole.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public class PreviewSpec {
  private String provider;
  @PrinterColumn(name = "Owner", priority = 0)
  private String owner;
  @PrinterColumn(name = "Repository", priority = 0)
  private String repository;
  @PrinterColumn(name = "PR", priority = 0)
  private Integer pullRequest;
  @PrinterColumn(name = "Pull Request", priority = 1)
  private String pullRequestUrl;
  @PrinterColumn(name = "Namespace", priority = 0)
  private String namespace;
  private String release;
  private String image;
  private String version;
  @PrinterColumn(name = "URL", priority = 0)
  private String url;
  private String createdAt;
  @PrinterColumn(name = "Updated", priority = 0)
  private String updatedAt;
  private String ttl;
  private Integer maxPerRepository;
  private Long commentId;
  private String destroyCommand;

  /** Github, gitlab or git: the provider the pull request lives on. */
  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  /** The repository owner (organisation, user or GitLab group). */
  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  /** The repository name. */
  public String getRepository() {
    return repository;
  }

  public void setRepository(String repository) {
    this.repository = repository;
  }

  /** The pull request (merge request) number. */
  public Integer getPullRequest() {
    return pullRequest;
  }

  public void setPullRequest(Integer pullRequest) {
    this.pullRequest = pullRequest;
  }

  /** The pull request's web page. */
  public String getPullRequestUrl() {
    return pullRequestUrl;
  }

  public void setPullRequestUrl(String pullRequestUrl) {
    this.pullRequestUrl = pullRequestUrl;
  }

  /** The namespace holding everything the preview made. */
  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /** The Helm release name the chart was rendered with. */
  public String getRelease() {
    return release;
  }

  public void setRelease(String release) {
    this.release = release;
  }

  /** The image of the last build deployed. */
  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  /** The version of the last build deployed. */
  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  /** The application's URL (from its Ingress), or null without one. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** When the preview was first created (ISO-8601). */
  public String getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }

  /** When a build last deployed it (ISO-8601); the TTL counts from here. */
  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  /** How long the preview may stay without a new push (Go duration, such as 72h). */
  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  /** How many previews this repository may keep; the oldest go first. */
  public Integer getMaxPerRepository() {
    return maxPerRepository;
  }

  public void setMaxPerRepository(Integer maxPerRepository) {
    this.maxPerRepository = maxPerRepository;
  }

  /** The pull-request comment the engine keeps up to date, or null. */
  public Long getCommentId() {
    return commentId;
  }

  public void setCommentId(Long commentId) {
    this.commentId = commentId;
  }

  /** How to destroy it by hand: deleting the namespace and this resource. */
  public String getDestroyCommand() {
    return destroyCommand;
  }

  public void setDestroyCommand(String destroyCommand) {
    this.destroyCommand = destroyCommand;
  }
}
