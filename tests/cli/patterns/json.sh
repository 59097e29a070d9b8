flowmon filter '{ $.latency >= 500 && ($.ThisFlag IS FALSE || $.users[*].id = 2) }' samples/cloudwatch/app-events.ndjson
flowmon filter -c '{ $.errorCode IS NULL }' samples/cloudwatch/app-events.ndjson
flowmon filter -c '{ $.errorCode NOT EXISTS }' samples/cloudwatch/app-events.ndjson
