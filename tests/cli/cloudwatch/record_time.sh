# One record-time rule (docs/record-time.md): a CloudWatch event's timestamp
# wins over the record's start field, in filter, metric, top and query alike.
# The first event was ingested 112 s after its flow started.
cat > events.json <<'JSON'
{"events": [
 {"timestamp": 1563108300000, "message": "2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 172.31.83.158 39611 22 6 1 40 1563108188 1563108227 REJECT OK"},
 {"timestamp": 1563109030000, "message": "2 086112738802 eni-0d5d75b41f9befe9e 182.68.238.8 172.31.83.158 42227 22 6 1 44 1563109030 1563109067 REJECT OK"}
]}
JSON
echo "filter:"; flowmon filter -c --since 1563108250 REJECT events.json
echo "filter --until:"; flowmon filter -c --until 1563108250 REJECT events.json
echo "metric:"; flowmon metric --pattern REJECT events.json
echo "top:"; flowmon top --by 1m --since 1563108250 events.json
echo "query:"; flowmon query --since 1563108250 'stats count(*) as n by bin(1m)' events.json
echo "plain records use start:"
jq -r '.events[].message' events.json > plain.log 2>/dev/null ||
  python3 -c 'import json;[print(e["message"]) for e in json.load(open("events.json"))["events"]]' > plain.log
flowmon filter -c --since 1563108250 REJECT plain.log
