# A symbolic link back to a folder above it (a loop) is reported once, by
# its own path, and not followed: every file is read once; exit 3.
mkdir -p tree/2019/07/14 tree/2019/07/15
cp samples/ssh_rejects.log tree/2019/07/14/a.log
cp samples/ssh_rejects.log tree/2019/07/15/b.log
ln -s ../.. tree/2019/07/15/loop
flowmon filter -c '[..., action=REJECT, status]' tree
