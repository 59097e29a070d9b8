# The bash completion offers subcommands after flowmon and options after
# a subcommand, as bash would call it (COMP_WORDS, COMP_CWORD).
source <(flowmon completion bash)
complete -p flowmon
offer() {
  COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
  _flowmon
  echo "$*: ${COMPREPLY[*]}"
}
offer flowmon ''
offer flowmon fi
offer flowmon filter --
offer flowmon filter --inv
offer flowmon --verbose filter -
offer flowmon athena ''
offer flowmon athena sql --li
offer flowmon top --by srcaddr --s
