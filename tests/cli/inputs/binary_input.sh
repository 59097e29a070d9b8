# An input with a NUL byte in its first 64 KiB is binary (ripgrep's rule):
# reported once and skipped, an input error; the other inputs still count.
mkdir logs
cp samples/ssh_rejects.log logs/a.log
printf 'PAR1\025\004\025\000\025\000\022\000\000' > logs/b.parquet
printf '\177ELF\002\001\001\000\000\000' | gzip > logs/c.gz
flowmon filter -c '[..., action=REJECT, status]' logs
echo "exit $?"
# --input-format text reads it anyway, a line at a time.
flowmon filter -c --input-format text '[]' logs/b.parquet
echo "exit $?"
# Past the first 64 KiB a NUL byte is one bad line of a text file.
for i in $(seq 700); do head -1 samples/v2.log; done > late_nul.log
printf '2 123456789012 eni-0a1b2c3d4e5f60718 \000 garbage\n' >> late_nul.log
flowmon filter -c '[]' late_nul.log
