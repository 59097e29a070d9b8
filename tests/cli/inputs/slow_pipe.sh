# Records are processed as they arrive: the first match is printed before
# the writer finishes (the writer waits for it).
mkfifo in out
( head -1 samples/ssh_rejects.log; read -r _ < out; tail -n +2 samples/ssh_rejects.log ) > in &
flowmon filter '[..., action=REJECT, status]' in | { read -r first; echo "got: ${first%% *}"; echo go > out; cat; }
wait
