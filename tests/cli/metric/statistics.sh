for s in SampleCount Sum Average Minimum Maximum p50 p99.9; do
  flowmon metric --pattern '[v, a, e, src, dst, sp, dp, p, packets, bytes, start, end, action, status]' --value '$bytes' --stat $s --period 600 -o csv samples/v2.log | tail -n +2 | head -1
done
