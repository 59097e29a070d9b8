flowmon test-pattern -o json '{ $.eventType = "UpdateTrail" && $.sourceIPAddress != 123.123.* }' samples/cloudwatch/app-events.ndjson
