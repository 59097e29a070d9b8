# A write that fails is an error naming where it went, exit 3 (a full
# disk must not look like an empty result); a reader that goes away early
# (| head) still ends the run quietly.
[ -w /dev/full ] || { echo "no /dev/full here" >&2; exit 77; }
flowmon check --config samples/check/template.json --junit /dev/full samples/v2.log > /dev/null; echo "check --junit: exit $?"
flowmon check --config samples/check/template.json samples/v2.log > /dev/full; echo "check: exit $?"
flowmon check --config samples/check/template.json --junit nowhere/report.xml samples/v2.log > /dev/null; echo "check --junit (no folder): exit $?"
flowmon gen --duration 10m --s3 /dev/full/logs; echo "gen --s3 (not a folder): exit $?"
flowmon metric --pattern '[..., action=REJECT, status]' samples/v2.log > /dev/full; echo "metric: exit $?"
flowmon query 'stats count(*)' samples/v2.log > /dev/full; echo "query: exit $?"
flowmon filter '[]' samples/v2.log > /dev/full; echo "filter: exit $?"
flowmon top --by srcaddr samples/v2.log > /dev/full; echo "top: exit $?"
flowmon fields > /dev/full; echo "fields: exit $?"
flowmon alarm --pattern '[..., action=REJECT, status]' --threshold 1 --comparison GreaterThanThreshold samples/v2.log > /dev/full; echo "alarm: exit $?"
flowmon detect samples/v2.log > /dev/full; echo "detect: exit $?"
flowmon test-pattern '[]' samples/v2.log > /dev/full; echo "test-pattern: exit $?"
flowmon athena ddl --bucket flow-logs > /dev/full; echo "athena: exit $?"
flowmon gen --duration 1h > /dev/full; echo "gen: exit $?"
# On an endless input, the first failed write ends the input: nobody will
# see the rest (GNU grep stops there too). timeout's 124 would mean it
# read on.
P='[..., action=REJECT, status]'
endless() {
  flowmon gen --duration 36500d 2>/dev/null | timeout 20 flowmon "$@" - > /dev/full
  echo "$1 (endless input): exit ${PIPESTATUS[1]}"
}
endless filter "$P"
endless test-pattern "$P"
endless metric -o ndjson --pattern "$P"
endless alarm --pattern "$P" --threshold 0 --comparison GreaterThanThreshold
# Help, version and completion text is a result like any other.
flowmon --help > /dev/full; echo "--help: exit $?"
flowmon filter --help > /dev/full; echo "filter --help: exit $?"
flowmon --version > /dev/full; echo "--version: exit $?"
flowmon version > /dev/full; echo "version: exit $?"
flowmon completion bash > /dev/full; echo "completion: exit $?"
flowmon manpage filter > /dev/full; echo "manpage: exit $?"
flowmon filter "[]" samples/v2.log 2> head.err | head -1 > /dev/null; echo "filter | head: stderr $(wc -c < head.err) bytes"
# With SIGPIPE ignored, a reader that goes away ends an endless input too,
# quietly (EPIPE is not an error).
(trap '' PIPE; flowmon gen --duration 36500d 2>/dev/null | timeout 20 flowmon filter '[]' 2> ign.err | head -1 > /dev/null; echo "SIGPIPE ignored, filter | head: exit ${PIPESTATUS[1]}, stderr $(wc -c < ign.err) bytes")
(trap '' PIPE; timeout 20 flowmon gen --duration 36500d 2> gen.err | head -1 > /dev/null; echo "SIGPIPE ignored, gen | head: exit ${PIPESTATUS[0]}, stderr $(wc -c < gen.err) bytes")
