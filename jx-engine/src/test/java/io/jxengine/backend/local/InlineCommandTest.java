package io.jxengine.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which step scripts may run in the step shell itself (see {@link InlineCommand}). */
class InlineCommandTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "true", "true\n", "  make test  \n", ":", "false", "pwd", "echo \"$JX_STAGE/$JX_STEP\"",
      "./gradlew build -x test", "/usr/bin/env FOO=bar tool", "echo 'a; b | c > d & $(e)'",
      "mvn -B -Dversion=${VERSION} deploy", "[ -f pom.xml ]", "test -n \"$X\"",
      "kubectl apply -f k8s/*.yaml", "~/bin/tool --flag=1", "npm ci", "go test ./...",
      "echo \"${HOME}/x\" '$(not run)'", "helm upgrade --install app charts/app --set a.b=c,d=e",
      "echo building\n\n# the build\nmvn -B package\n  ls target\n"})
  void oneSimpleCommandThatCannotChangeTheShellRunsInline(String script) {
    assertThat(InlineCommand.eligible(script)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // builtins and reserved words that change the shell's state or are no command alone
      "cd /", "export X=1", "exit 3", ". ./env.sh", "source env.sh", "set -e", "read x",
      "printf -v x y", "eval ls", "exec ls", "trap '' TERM", "ulimit -n 10", "umask 077", "wait",
      "kill 0", "alias ls=rm", "hash -r", "local x", "typeset x", "shift", "getopts a x",
      "unset PATH", "readonly X", "command cd /", "if", "{", "!", "time make", "function f",
      // assignments, several commands, operators
      "X=1", "X=1 make", "true; true", "true\ncd /", "true\r", "#!/bin/sh\ntrue", "# only\n", "sleep 3 &", "a | b", "a || b",
      "a && b", "echo > f", "cat < f", "(true)", "{ true; }", "echo a # c", "# comment",
      // expansions that run commands or assign, and what the shell itself holds
      "echo $(id)", "echo `id`", "echo \"a`id`\"", "echo ${X:=1}", "echo ${X=1}", "echo $((x=1))",
      "echo $1", "echo $$", "echo $?", "echo ${#X}", "echo $'x'", "echo \"${jxe_n}\"",
      "echo $jxe_k", "$CMD arg", "\"make\" x", "'make' x", "m*ke", "-x", "echo a\\ b",
      "echo \"\\$x\"",
      // unbalanced quotes would be syntax errors
      "echo 'unclosed", "echo \"unclosed", "echo ${X", "", "   ", "\n"})
  void everythingElseRunsInASubshell(String script) {
    assertThat(InlineCommand.eligible(script)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void commandLinesAreJoinedSoTheFirstFailureEndsTheStepOnTheSameLines() {
    assertThat(InlineCommand.inlineText("true")).isEqualTo("true");
    assertThat(InlineCommand.inlineText("echo a  \n\n# c\nmake x\n  ls\n# end\n"))
        .isEqualTo("echo a &&\n\n# c\nmake x &&\n  ls\n# end\n");
  }

  @org.junit.jupiter.api.Test
  void longScriptsRunInASubshell() {
    assertThat(InlineCommand.eligible("echo " + "a".repeat(InlineCommand.MAX_LENGTH))).isFalse();
    assertThat(InlineCommand.eligible(null)).isFalse();
  }
}
