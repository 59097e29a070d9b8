# A mapped input that shrinks while it is read (truncated under flowmon)
# is an input error naming the file (exit 3), never a SIGBUS: the records
# read before the cut are still written. The filter's output pipe is left
# full so that it waits mid-file; the file is cut to 100000 bytes then.
# flowmon scans copies of 256 KiB blocks (pipeline/copied_blocks.h): the
# first block's 2396 lines were copied before the cut, and nothing after
# the cut is read (before copies, the zeros a shrunk mapping reads past its
# cut made one too-long line).
for i in $(seq 400); do cat samples/v2.log; done > big.log
mkfifo out
flowmon filter --threads 1 '[]' big.log > out 2> err.txt &
pid=$!
exec 3< out
for _ in $(seq 200); do
  case $(cat /proc/$pid/wchan 2>/dev/null) in *pipe*) break ;; esac
  sleep 0.05
done
truncate -s 100000 big.log
echo "records written: $(wc -l <&3) (the whole lines of the first block)"
exec 3<&-
wait $pid; echo "exit $?"
cat err.txt
