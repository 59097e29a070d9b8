#!/bin/bash
# The zsh and fish completions load in their shells and complete
# subcommands and options (bash's are tested by tests/cli/usage). A shell
# that is not installed is skipped (77), both missing: the test skips.
# usage: completions.sh DIR   (DIR holds flowmon.zsh and flowmon.fish)
dir=$1
ran=0
fail() { echo "completions: $*" >&2; exit 1; }
if command -v zsh > /dev/null; then
  ran=1
  # _describe is compsys's; the stub prints what would be offered.
  out=$(zsh -f -c '
    compdef() { :; }
    _describe() { print -rl -- "${(@P)${@[-1]}}"; }
    _files() { print files; }
    source "$1" || exit 1
    words=(flowmon fi); CURRENT=2; PREFIX=fi; _flowmon
    print ---
    words=(flowmon filter --inv); CURRENT=3; PREFIX=--inv; _flowmon
  ' zsh "$dir/flowmon.zsh" 2>&1) || fail "zsh could not source flowmon.zsh: $out"
  grep -q '^filter:' <<< "$out" || fail "zsh: no 'filter' subcommand: $out"
  grep -q '^--invert:' <<< "$out" || fail "zsh: no filter --invert: $out"
fi
if command -v fish > /dev/null; then
  ran=1
  out=$(fish --no-config -c 'source $argv[1]; or exit 1
    complete -C"flowmon fi"; echo ---; complete -C"flowmon filter --inv"' \
    "$dir/flowmon.fish" 2>&1) || fail "fish could not source flowmon.fish: $out"
  grep -q '^filter'$'\t' <<< "$out" || fail "fish: no 'filter' subcommand: $out"
  grep -q '^--invert'$'\t' <<< "$out" || fail "fish: no filter --invert: $out"
fi
if [ $ran = 0 ]; then
  echo "completions: neither zsh nor fish is installed (apt-get install zsh fish)" >&2
  exit 77
fi
echo ok
