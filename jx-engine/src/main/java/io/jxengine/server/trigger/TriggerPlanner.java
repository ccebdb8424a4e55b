package io.jxengine.server.trigger;

import io.jxengine.scm.GitEvent;
import io.jxengine.server.repos.Repository;
import java.util.List;

/**
 * Decides what an event asks of the engine: which pipelines run (their {@code triggers:}, the
 * pull request's trust and approval, holds), which running builds a newer push supersedes, and
 * what to reply to a ChatOps comment. Fetches the repository into the engine's mirror as needed;
 * otherwise free of side effects. Thread-safe.
 */
public interface TriggerPlanner {
  /**
   * @param deliveryId the delivery's id, used to make each intent's trigger key
   */
  Decision plan(Repository repo, GitEvent event, String deliveryId);

  /**
   * @param notes why pipelines did not run (for the delivery's record and the logs)
   */
  record Decision(
      List<RunIntent> runs, List<CancelRequest> cancels, List<Reply> replies, List<String> notes) {
    public Decision {
      runs = List.copyOf(runs);
      cancels = List.copyOf(cancels);
      replies = List.copyOf(replies);
      notes = List.copyOf(notes);
    }

    public static Decision nothing(String why) {
      return new Decision(List.of(), List.of(), List.of(), List.of(why));
    }
  }
}
