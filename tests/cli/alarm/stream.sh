# On a pipe, a transition comes out as soon as its minute closes (here with
# no lateness allowed): the writer waits for it before sending more.
mkfifo in out
( head -1 samples/ssh_rejects.log
  echo '2 086112738802 eni-0d5d75b41f9befe9e 10.0.0.1 172.31.83.158 1 443 6 1 40 1563108300 1563108360 ACCEPT OK'
  read -r _ < out
  tail -n +2 samples/ssh_rejects.log ) > in &
flowmon alarm --lateness 0 --pattern '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' --threshold 1 --comparison GreaterThanOrEqualToThreshold in | {
  read -r header; read -r first; echo "seen before the end: ${first%%Threshold*}"; echo go > out; cat; }
wait
