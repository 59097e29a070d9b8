# A CloudWatch subscription payload that inflates past 64 MiB is an input
# error (exit 3) naming the payload, by path and on a pipe: it is never
# held whole, and the run reads on.
python3 -c "
import base64, gzip
print(base64.b64encode(gzip.compress(b' ' * (65 << 20), 9)).decode())
" > bomb.txt
flowmon filter -c '[]' bomb.txt; echo "by path: exit $?"
flowmon filter -c '[]' < bomb.txt; echo "on a pipe: exit $?"
