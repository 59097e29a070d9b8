#!/usr/bin/env bash
# Issue #13, row 1: count the rejected SSH records against ripgrep, mawk
# and `wc -l` (the floor: reading every byte once).
#   bash bench/filter_ssh.sh [-b FLOWMON] [-s SIZE_MB] [-r RUNS]
# Targets: >= 2.5x rg, >= 15x mawk, within 2x of wc -l.
source "$(dirname "$0")/lib.sh"
data=$(bench_data "$size"); cat "$data" >/dev/null
P='[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]'
cmds=(flowmon "$bin filter --count '$P' $data")
have mawk mawk && cmds+=(mawk "mawk '\$7==\"22\" && \$8==\"6\" && \$13==\"REJECT\"' $data | wc -l")
have rg ripgrep && cmds+=(rg "rg -c '^\\S+ \\S+ \\S+ \\S+ \\S+ \\S+ 22 6 \\S+ \\S+ \\S+ \\S+ REJECT ' $data")
cmds+=(wc-l "wc -l $data")
compare "filter: SSH rejects" "rg>=2.5 mawk>=15 wc-l<=2" -- "${cmds[@]}"
