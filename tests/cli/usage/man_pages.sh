# Every man page renders without a warning (groff -ww) and opens with man -l.
command -v groff >/dev/null || { echo "groff not installed" >&2; exit 77; }
for cmd in "" filter test-pattern metric alarm check top query athena "athena ddl" "athena sql" fields detect gen version completion; do
  flowmon manpage $cmd > page.1 || echo "no page for '$cmd'"
  warnings=$(groff -ww -z -man page.1 2>&1)
  [ -z "$warnings" ] || echo "flowmon $cmd: $warnings"
  MANWIDTH=80 man -l page.1 2>/dev/null | grep -q EXAMPLES || echo "flowmon $cmd: no EXAMPLES section"
done
flowmon manpage filter > flowmon-filter.1
MANWIDTH=80 man -l flowmon-filter.1 2>/dev/null | sed -n '/^NAME/,/^SYNOPSIS/p' | sed 's/ *$//'
MANWIDTH=80 man -l flowmon-filter.1 2>/dev/null | grep -A1 -- '-v, --invert' | sed 's/^ *//'
flowmon manpage nosuch; echo "exit $?"
