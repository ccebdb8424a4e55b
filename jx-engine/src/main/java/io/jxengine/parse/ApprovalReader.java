package io.jxengine.parse;

import io.jxengine.diag.Code;
import io.jxengine.model.Approval;
import io.jxengine.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an approval gate: a step with {@code approval: {message, ok, submitters, timeout}} and no
 * {@code run}. A gate runs nothing, so the keys that shape a process ({@code run}, {@code uses},
 * {@code image}, ...) are refused beside it (JX105), and its timeout is written inside
 * {@code approval} so there is one place to look.
 */
final class ApprovalReader {
  /** Step keys an approval gate may have besides {@code approval}. */
  private static final List<String> GATE_KEYS = List.of("name", "approval");
  /**
   * User and group names as git providers and token files spell them; no spaces, commas or
   * quotes, so a list written as one string cannot pass for a name.
   */
  static final Pattern SUBMITTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

  private ApprovalReader() {}

  static Step read(NodeReader r, Fields step, String defaultName) {
    for (String key : Keys.STEP) {
      if (!GATE_KEYS.contains(key) && step.written(key)) {
        r.diags().report(Code.CONFLICTING_FIELDS, step.keyPos(key), step.path(key), "approval", key);
      }
    }
    String name = step.string("name");
    Fields a = r.fields(step.node("approval"), step.path("approval"), "an approval", Keys.APPROVAL);
    if (a == null) {
      return Step.gate(name == null ? defaultName : name, null, step.pos());
    }
    String message = a.string("message");
    if (message == null || message.isBlank()) {
      if (!a.has("message")) {
        r.diags().report(Code.MISSING_FIELD, a.pos(), a.path("message"), "message", "an approval");
      }
      message = "";
    }
    Duration timeout = a.duration("timeout");
    List<String> submitters = new ArrayList<>();
    for (String s : a.strings("submitters")) {
      if (SUBMITTER.matcher(s).matches()) {
        submitters.add(s);
      } else {
        r.diags().report(Code.INVALID_NAME, a.valuePos("submitters"), a.path("submitters"), s,
            "submitter", "letters, digits, `.`, `_`, `@` and `-`, one name per list item");
      }
    }
    Approval approval = new Approval(message, a.string("ok"), submitters, timeout, a.pos());
    return Step.gate(name == null ? defaultName : name, approval, step.pos());
  }
}
