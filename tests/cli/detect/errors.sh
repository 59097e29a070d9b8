flowmon detect --set port-scan.min-port=3 -; echo "exit $?"
flowmon detect --set port-scan.min-ports -; echo "exit $?"
flowmon detect --only port-scan,portscan -; echo "exit $?"
flowmon detect --fail-on severe -; echo "exit $?"
flowmon detect -o yaml -; echo "exit $?"
flowmon detect --format raw -; echo "exit $?"
flowmon detect --config nowhere.json -; echo "exit $?"
flowmon detect --blocklist nowhere.txt -; echo "exit $?"
echo '{"spike": {"ratio": "high"}}' > bad.json
flowmon detect --config bad.json -; echo "exit $?"
# A folder where a file belongs is an input error that says so, not an
# empty config.
mkdir folder
flowmon detect --config folder -; echo "exit $?"
flowmon detect --blocklist folder -; echo "exit $?"
