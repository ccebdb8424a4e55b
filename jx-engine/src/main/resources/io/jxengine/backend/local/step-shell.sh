# The step shell of jx-engine's local backend (a fixed file: nothing is ever spliced into it).
# It runs steps one after another, each in a subshell, so a step's cd, variables, set -e and exit
# stay with that step. Each request is five lines on stdin, read as plain data, never evaluated:
# a nonce, the working directory, the script file, then JX_STAGE and JX_STEP ("=value", or "-"
# for unset: the variables that differ from step to step; every other variable is in the
# shell's own environment). After the step the shell prints a newline and "<nonce> <exit code>",
# which tells the engine where the step's output ends and how it ended.
# The trap keeps the shell waiting for the step on SIGTERM (the step's own group gets the signal
# too), so the exit code it reports is the step's; outside a step SIGTERM ends the shell.
trap ':' TERM
while IFS= read -r jxe_n && IFS= read -r jxe_d && IFS= read -r jxe_s \
    && IFS= read -r jxe_a && IFS= read -r jxe_b; do
  (
    case $jxe_a in =*) JX_STAGE=${jxe_a#=}; export JX_STAGE ;; *) unset JX_STAGE ;; esac
    case $jxe_b in =*) JX_STEP=${jxe_b#=}; export JX_STEP ;; *) unset JX_STEP ;; esac
    cd -- "$jxe_d" || exit 1
    unset jxe_n jxe_d jxe_a jxe_b
    set -e
    . "$jxe_s"
  ) </dev/null
  jxe_rc=$?
  printf '\n%s %s\n' "$jxe_n" "$jxe_rc"
done
