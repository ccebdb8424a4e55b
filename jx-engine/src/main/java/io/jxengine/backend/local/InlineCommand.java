package io.jxengine.backend.local;

import java.util.Set;

/**
 * Decides whether a step's script may run in its step shell itself instead of a subshell, which
 * saves a fork per step (about a millisecond on a virtual machine). That is safe only for a
 * script that cannot change the shell's state, which the next steps would inherit; this accepts
 * lines of simple commands (blank lines and whole-line comments aside), one per line, where
 *
 * <ul>
 *   <li>the command word is a literal: {@code true}, {@code false}, {@code :}, {@code echo},
 *       {@code test}, {@code [} or {@code pwd}, or a name or path that is no builtin or reserved
 *       word of any common {@code /bin/sh} (so an external program, which cannot touch the
 *       shell), and no assignment;
 *   <li>arguments are literal words, single-quoted strings, and double-quoted strings or words
 *       with plain expansions {@code $NAME} and {@code ${NAME}} (none of the forms that assign,
 *       such as {@code ${X:=v}} or {@code $((x=1))}, no command substitution, no backslash);
 *   <li>there is no operator: no {@code ;}, {@code &} (a background job would outlive the step
 *       unseen), {@code |}, redirection, parenthesis, brace or comment;
 *   <li>it does not name the shell's own variables ({@code jxe_*}, which hold the step nonce),
 *       and has no {@code #!} line (such a script runs as a process of its own).
 * </ul>
 *
 * Everything else ({@code cd}, {@code export}, {@code set}, {@code exit}, pipelines, several
 * commands on a line...) runs in a subshell, as every step did before.
 *
 * <p>A step's script runs with {@code set -e}: the first command that fails ends it with its exit
 * code. Inline, where {@code set -e} would end the shell, {@link #inlineText} joins the command
 * lines with {@code &&}, which for simple commands means the same, line numbers unchanged.
 */
final class InlineCommand {
  /** Longer scripts gain nothing measurable from skipping a fork. */
  static final int MAX_LENGTH = 4096;

  /** Builtins that only read the shell's state and write to their output. */
  private static final Set<String> SAFE_BUILTINS =
      Set.of("true", "false", ":", "echo", "test", "[", "pwd");

  /**
   * Builtins and reserved words of dash, bash, ksh, zsh and busybox ash (some change the
   * shell's state, such as {@code cd}, {@code read}, {@code printf -v} in bash; reserved words
   * would be syntax errors outside a compound command): never run inline.
   */
  private static final Set<String> SHELL_WORDS = Set.of(
      // POSIX special builtins
      "break", ".", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set",
      "shift", "times", "trap", "unset",
      // regular builtins (dash and POSIX)
      "alias", "bg", "cd", "chdir", "command", "fc", "fg", "getopts", "hash", "jobs", "kill",
      "local", "printf", "read", "type", "ulimit", "umask", "unalias", "wait", "newgrp",
      // bash
      "bind", "builtin", "caller", "compgen", "complete", "compopt", "declare", "dirs", "disown",
      "enable", "help", "history", "let", "logout", "mapfile", "popd", "pushd", "readarray",
      "shopt", "source", "suspend", "typeset",
      // ksh, zsh, busybox ash
      "print", "whence", "autoload", "functions", "integer", "nameref", "float", "setopt",
      "unsetopt", "emulate", "noglob", "nocorrect", "sched", "zmodload", "bindkey", "vared",
      "rehash", "unhash", "disable", "limit", "unlimit", "builtins", "getln", "pushln", "zle",
      "zstyle", "zparseopts", "zformat", "ttyctl", "r", "login",
      // reserved words
      "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for",
      "in", "function", "select", "time", "coproc", "{", "}", "!", "[[", "]]", "repeat",
      "foreach", "end");

  private InlineCommand() {}

  /** True when {@code script} is made of simple commands that may run in the step shell itself. */
  static boolean eligible(String script) {
    if (script == null || script.length() > MAX_LENGTH || script.contains("jxe_")
        || script.indexOf('\r') >= 0 || script.startsWith("#!")) {
      return false;
    }
    boolean any = false;
    for (String line : script.split("\n", -1)) {
      if (isCommand(line)) {
        if (!simpleCommand(stripTrailing(line))) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * The text to run inline for an {@link #eligible} script: each command line but the last ends
   * with {@code &&}, so the first command that fails ends the step (as {@code set -e} would).
   */
  static String inlineText(String script) {
    String[] lines = script.split("\n", -1);
    int last = -1;
    for (int i = 0; i < lines.length; i++) {
      if (isCommand(lines[i])) {
        last = i;
      }
    }
    StringBuilder out = new StringBuilder(script.length() + 8 * lines.length);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      if (isCommand(lines[i]) && i < last) {
        out.append(stripTrailing(lines[i])).append(" &&");
      } else {
        out.append(lines[i]);
      }
    }
    return out.toString();
  }

  /** A line that is neither blank nor a whole-line comment. */
  private static boolean isCommand(String line) {
    int i = skipBlanks(line, 0);
    return i < line.length() && line.charAt(i) != '#';
  }

  private static boolean simpleCommand(String line) {
    int i = skipBlanks(line, 0);
    int commandEnd = i;
    while (commandEnd < line.length() && !blank(line.charAt(commandEnd))) {
      commandEnd++;
    }
    if (!commandWord(line.substring(i, commandEnd))) {
      return false;
    }
    return arguments(line, commandEnd);
  }

  private static boolean commandWord(String word) {
    if (SAFE_BUILTINS.contains(word)) {
      return true;
    }
    if (word.isEmpty() || SHELL_WORDS.contains(word) || word.charAt(0) == '-') {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '_' || c == '.' || c == '/' || c == '-' || c == '+' || c == '@'
          || c == ',' || c == ':' || c == '%' || c == '~' && i == 0;
      if (!ok) {
        return false; // quotes, expansions, globs, '=' (an assignment) and operators
      }
    }
    return true;
  }

  /** The arguments from {@code i}: words of allowed characters, quotes and plain expansions. */
  private static boolean arguments(String line, int i) {
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (blank(c)) {
        i++;
      } else if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        if (close < 0) {
          return false;
        }
        i = close + 1;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1);
        if (i < 0) {
          return false;
        }
      } else if (c == '$') {
        i = expansion(line, i);
        if (i < 0) {
          return false;
        }
      } else if (plainArgumentChar(c)) {
        i++;
      } else {
        return false;
      }
    }
    return true;
  }

  /** The index after the closing quote of a string opened before {@code i}, or -1. */
  private static int doubleQuoted(String line, int i) {
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '$') {
        i = expansion(line, i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '`' || c == '\\') {
        return -1;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** The index after {@code $NAME} or {@code ${NAME}} at {@code i}, or -1 for any other form. */
  private static int expansion(String line, int i) {
    int j = i + 1;
    boolean braced = j < line.length() && line.charAt(j) == '{';
    if (braced) {
      j++;
    }
    int start = j;
    while (j < line.length() && nameChar(line.charAt(j), j == start)) {
      j++;
    }
    if (j == start) {
      return -1; // $1, $?, $$, $( ), $(( )), ${#x}...
    }
    if (braced) {
      return j < line.length() && line.charAt(j) == '}' ? j + 1 : -1; // ${X:=v} and the like
    }
    return j;
  }

  private static boolean nameChar(char c, boolean first) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || !first && c >= '0' && c <= '9';
  }

  private static boolean plainArgumentChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || "_./:=@%+,-~*?[]^".indexOf(c) >= 0;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  private static int skipBlanks(String s, int i) {
    while (i < s.length() && blank(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && blank(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
