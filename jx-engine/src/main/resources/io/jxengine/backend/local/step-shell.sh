# The step shell of jx-engine's local backend (a fixed file: nothing is ever spliced into it).
# It runs steps one after another. Input is plain data, read with `read -r` and never evaluated:
# first the shell's nonce (one line), then per step five lines: "s" (run the step in a subshell)
# or "i" (inline, see below), the working directory (relative to the shell's own), the script
# file (relative to this file's directory, or absolute), then JX_STAGE and JX_STEP ("=value", or
# "-" for unset: the variables that differ from step to step; every other variable is in the
# shell's own environment). After step N the shell prints a newline and "<nonce>-<N> <exit
# code>", which tells the engine where the step's output ends and how it ended.
#
# A step runs in a subshell, so its cd, variables, set -e and exit stay with that step, and the
# nonce is unset there, so no step can print its marker. The engine asks for "i" only for a step
# whose script is one simple command that cannot change this shell's state (an external command,
# or true, false, :, echo, test, [ or pwd, with no expansion that assigns, no redirection and
# nothing run in the background: see InlineCommand): it then runs in this shell, in its own
# directory, without the cost of a fork. Whatever it runs still gets the step's environment.
#
# The trap keeps the shell waiting for the step on SIGTERM (the step's own group gets the signal
# too), so the exit code it reports is the step's; outside a step SIGTERM ends the shell.
trap ':' TERM
IFS= read -r jxe_n || exit 0
jxe_k=0
case $0 in */*) jxe_r=${0%/*} ;; *) jxe_r=. ;; esac
while IFS= read -r jxe_m && IFS= read -r jxe_d && IFS= read -r jxe_s \
    && IFS= read -r jxe_a && IFS= read -r jxe_b; do
  jxe_k=$((jxe_k + 1))
  case $jxe_s in /*) ;; *) jxe_s=$jxe_r/$jxe_s ;; esac
  if [ "$jxe_m" = i ] && [ "$jxe_d" = . ]; then
    case $jxe_a in =*) JX_STAGE=${jxe_a#=}; export JX_STAGE ;; *) unset JX_STAGE ;; esac
    case $jxe_b in =*) JX_STEP=${jxe_b#=}; export JX_STEP ;; *) unset JX_STEP ;; esac
    hash -r
    . "$jxe_s" </dev/null
  else
    (
      case $jxe_a in =*) JX_STAGE=${jxe_a#=}; export JX_STAGE ;; *) unset JX_STAGE ;; esac
      case $jxe_b in =*) JX_STEP=${jxe_b#=}; export JX_STEP ;; *) unset JX_STEP ;; esac
      cd -- "$jxe_d" || exit 1
      unset jxe_n jxe_k jxe_m jxe_d jxe_a jxe_b jxe_r jxe_rc
      set -e
      . "$jxe_s"
    ) </dev/null
  fi
  jxe_rc=$?
  printf '\n%s-%s %s\n' "$jxe_n" "$jxe_k" "$jxe_rc"
done
