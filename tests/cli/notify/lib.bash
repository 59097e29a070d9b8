# Starts the test listener (mode $1) and sets $url; the caller kills $listener.
start_listener() {
  python3 "$(dirname "${BASH_SOURCE[0]}")/listener.py" "$1" port bodies.txt &
  listener=$!
  for _ in $(seq 100); do [ -s port ] && break; sleep 0.05; done
  url="http://127.0.0.1:$(cat port)/hook"
}
SSH='[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]'
