# NO_COLOR (set, not empty) turns auto off even on a terminal; --color
# always wins over it (no-color.org). script(1) gives flowmon a terminal.
command -v script >/dev/null || { echo "script(1) not installed" >&2; exit 77; }
pattern='[..., action=REJECT, status]'
cmd="flowmon alarm --pattern '$pattern' --threshold 2 --comparison GreaterThanOrEqualToThreshold samples/v2.log"
echo "terminal: $(script -qec "$cmd" /dev/null | grep -c $'\e\[32m')"
echo "NO_COLOR=1: $(NO_COLOR=1 script -qec "$cmd" /dev/null | grep -c $'\e\[')"
echo "NO_COLOR=: $(NO_COLOR= script -qec "$cmd" /dev/null | grep -c $'\e\[32m')"
echo "NO_COLOR=1 --color always: $(NO_COLOR=1 script -qec "flowmon --color always ${cmd#flowmon }" /dev/null | grep -c $'\e\[32m')"
