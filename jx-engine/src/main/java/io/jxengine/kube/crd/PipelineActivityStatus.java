package io.jxengine.kube.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.jxengine.activity.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a run is going: written through the status subresource while it runs. Times are RFC 3339
 * strings ({@code startedTimestamp}, {@code completedTimestamp}) as in Jenkins X.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public class PipelineActivityStatus {
  @PrinterColumn(name = "Status", priority = 0)
  private Status status;

  @PrinterColumn(name = "Started", priority = 0)
  private String startedTimestamp;

  private String completedTimestamp;
  private String message;
  private List<StageActivityStep> steps = new ArrayList<>();

  /** One of Jenkins X's statuses: Pending, Running, Succeeded, Failed, ... */
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

  /** Why the run ended as it did (first failure, timeout), or null. */
  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  /** The stages (and previews, promotions) in order, each with its steps. */
  public List<StageActivityStep> getSteps() {
    return steps;
  }

  public void setSteps(List<StageActivityStep> steps) {
    this.steps = steps == null ? new ArrayList<>() : steps;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PipelineActivityStatus s
        && status == s.status
        && Objects.equals(startedTimestamp, s.startedTimestamp)
        && Objects.equals(completedTimestamp, s.completedTimestamp)
        && Objects.equals(message, s.message)
        && Objects.equals(steps, s.steps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, startedTimestamp, completedTimestamp, message, steps);
  }
}
