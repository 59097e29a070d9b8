# at= takes the friendly times of docs/times.md, with --start's one parser:
# 30m is half an hour before now (FLOWMON_NOW: 2024-03-04T12:00:00Z).
export FLOWMON_NOW=1709553600
flowmon gen --start 2h --duration 2h --scenario ssh-brute-force:at=30m,minutes=1 | flowmon top --by 1m --where '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' --limit 1 -o csv
flowmon gen --start 2h --duration 2h --scenario ssh-brute-force:at=2024-03-04T11:15:00Z,minutes=1 | flowmon top --by 1m --where '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' --limit 1 -o csv
