# A FIFO input waits for its writer, as cat does; SIGTERM while it waits
# ends the input there (nothing read, no error), and a writer that comes
# later is read in full.
mkfifo idle
flowmon filter -c '[..., action=REJECT, status]' idle > idle.out &
pid=$!
sleep 0.5
kill -TERM $pid
wait $pid; echo "no writer: exit $?"
cat idle.out
mkfifo late
flowmon filter -c '[..., action=REJECT, status]' late &
pid=$!
sleep 0.3
cat samples/ssh_rejects.log > late
wait $pid; echo "late writer: exit $?"
