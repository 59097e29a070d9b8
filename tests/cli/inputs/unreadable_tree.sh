# A tree with a folder and a file its reader may not read: each is reported
# by its own path, the walk goes on, every readable file is counted, and the
# exit status is 3. Root reads everything, so as root the check runs as
# nobody (setpriv or runuser); without either it is skipped (exit 77).
mkdir -p tree/2019/07/14 tree/2019/07/15 tree/2019/07/16
for d in 14 15 16; do cp samples/ssh_rejects.log tree/2019/07/$d/flows.log; done
cp samples/ssh_rejects.log tree/2019/07/16/secret.log
chmod 000 tree/2019/07/15 tree/2019/07/16/secret.log
chmod 755 .
nobody() {
  if [ "$(id -u)" != 0 ]; then
    "$@"
  elif command -v setpriv > /dev/null; then
    setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
  elif command -v runuser > /dev/null; then
    runuser -u nobody -- "$@"
  else
    return 125
  fi
}
if ! nobody test -r tree/2019/07/14/flows.log -a -x "$(command -v flowmon)" 2> /dev/null; then
  echo "SKIP: cannot run as a user without access (no setpriv or runuser, or the scratch directory is private)" >&2
  exit 77
fi
nobody flowmon filter -c '[..., action=REJECT, status]' tree
