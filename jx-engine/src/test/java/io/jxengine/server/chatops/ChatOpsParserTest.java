package io.jxengine.server.chatops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatOpsParserTest {
  @Test
  void commandsAtTheStartOfLinesInOrder() {
    List<ChatOpsCommand> cmds =
        ChatOpsParser.parse("Looks good.\n/ok-to-test\r\n  /test   integration  \n/RETEST\nsee /hold");
    assertThat(cmds).extracting(ChatOpsCommand::line)
        .containsExactly("/ok-to-test", "/test integration", "/retest");
  }

  @Test
  void codeBlocksQuotesAndIndentedCodeDoNotAct() {
    String body = String.join("\n",
        "> /ok-to-test",
        "```",
        "/hold",
        "```",
        "~~~sh",
        "/test all",
        "```",
        "/test still-in-tilde-block",
        "~~~",
        "    /retest",
        "\t/retest",
        "/unhold");
    assertThat(ChatOpsParser.parse(body)).extracting(ChatOpsCommand::line).containsExactly("/unhold");
  }

  @Test
  void holdCancelIsAnUnhold() {
    ChatOpsCommand cancel = ChatOpsParser.parse("/hold cancel").get(0);
    assertThat(cancel.isUnhold()).isTrue();
    assertThat(cancel.isHold()).isFalse();
    ChatOpsCommand hold = ChatOpsParser.parse("/hold").get(0);
    assertThat(hold.isHold()).isTrue();
    assertThat(ChatOpsParser.parse("/unhold").get(0).isUnhold()).isTrue();
  }

  @Test
  void nothingInNullEmptyOrPlainText() {
    assertThat(ChatOpsParser.parse(null)).isEmpty();
    assertThat(ChatOpsParser.parse("")).isEmpty();
    assertThat(ChatOpsParser.parse("please /test this\n// not a command\n/ alone")).isEmpty();
  }

  @Test
  void hostileTextStaysAnArgument() {
    ChatOpsCommand c = ChatOpsParser.parse("/test $(touch pwned)").get(0);
    assertThat(c.name()).isEqualTo("/test");
    assertThat(c.args()).isEqualTo("$(touch pwned)");
  }

  @Test
  void boundedWork() {
    String body = "/retest\n".repeat(1000);
    assertThat(ChatOpsParser.parse(body)).hasSize(ChatOpsParser.MAX_COMMANDS);
    String huge = "x".repeat(ChatOpsParser.MAX_BODY) + "\n/ok-to-test";
    assertThat(ChatOpsParser.parse(huge)).isEmpty();
  }
}
