# A detector as one Athena query, with detect's settings.
flowmon athena sql --detect brute-force --since 2024-03-04 --until 2024-03-05
echo '{"brute-force": {"ports": "22=SSH,5985=WinRM", "min-attempts": 50}, "internal": ["10.0.0.0/8"]}' > c.json
flowmon athena sql --detect brute-force --detect-config c.json
flowmon athena sql --detect port-probe --detect-config c.json
flowmon athena sql --detect gap --format '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}'
flowmon athena sql --detect gap --format tgw; echo "exit $?"
flowmon athena sql --detect blocklist; echo "exit $?"
flowmon athena sql --detect portscan; echo "exit $?"
flowmon athena sql --detect gap --top srcaddr; echo "exit $?"
