# CloudWatch inputs: the event's own timestamp is the record's time.
flowmon metric --pattern '[..., action=REJECT, status]' -o csv samples/cloudwatch/firehose-object.gz
