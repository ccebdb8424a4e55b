package io.jxengine.kube.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jxengine.activity.Status;
import io.jxengine.activity.StepKind;
import java.util.Objects;

/**
 * One step of a stage (Jenkins X's {@code CoreActivityStep}): name, status and times, plus what
 * jx-engine records of each attempt. {@code id} is the engine's step id, kept so that a record
 * read back from the cluster can be updated by id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public class CoreActivityStep {
  private Long id;
  private StepKind kind;
  private String name;
  private Integer ordinal;
  private Status status;
  private String startedTimestamp;
  private String completedTimestamp;
  private Integer exitCode;
  private Integer attempts;
  private String message;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** Stage, Step, Preview or Promote. */
  public StepKind getKind() {
    return kind;
  }

  public void setKind(StepKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  /** Position among its siblings, from 0. */
  public Integer getOrdinal() {
    return ordinal;
  }

  public void setOrdinal(Integer ordinal) {
    this.ordinal = ordinal;
  }

  public Status getStatus() {
    return status;
  }

  public void setStatus(Status status) {
    this.status = status;
  }

  public String getStartedTimestamp() {
    return startedTimestamp;
  }

  public void setStartedTimestamp(String startedTimestamp) {
    this.startedTimestamp = startedTimestamp;
  }

  public String getCompletedTimestamp() {
    return completedTimestamp;
  }

  public void setCompletedTimestamp(String completedTimestamp) {
    this.completedTimestamp = completedTimestamp;
  }

  /** The exit code of the last attempt, or null. */
  public Integer getExitCode() {
    return exitCode;
  }

  public void setExitCode(Integer exitCode) {
    this.exitCode = exitCode;
  }

  /** How many times it ran, retries included. */
  public Integer getAttempts() {
    return attempts;
  }

  public void setAttempts(Integer attempts) {
    this.attempts = attempts;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoreActivityStep s
        && getClass() == s.getClass()
        && Objects.equals(id, s.id)
        && kind == s.kind
        && Objects.equals(name, s.name)
        && Objects.equals(ordinal, s.ordinal)
        && status == s.status
        && Objects.equals(startedTimestamp, s.startedTimestamp)
        && Objects.equals(completedTimestamp, s.completedTimestamp)
        && Objects.equals(exitCode, s.exitCode)
        && Objects.equals(attempts, s.attempts)
        && Objects.equals(message, s.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, kind, name, status);
  }
}
