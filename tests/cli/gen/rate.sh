# --rate paces the output for a live pipe: 400 records at 2000 a second
# take at least a tenth of a second.
start=$(date +%s%N)
flowmon gen --duration 10m --rate 2000 | head -400 | wc -l
end=$(date +%s%N)
test $(( (end - start) / 1000000 )) -ge 90 && echo paced
