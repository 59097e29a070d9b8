# One thread or several: same output, same order.
a=$(flowmon filter --threads 1 '[..., action=REJECT, status]' samples/v2.log)
b=$(flowmon filter --threads 4 '[..., action=REJECT, status]' samples/v2.log)
[ "$a" = "$b" ] && echo same
