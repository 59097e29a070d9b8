# Examples of AWS's filter-pattern pages; tests/unit/pattern/
# aws_doc_examples_test.cc holds every one of them.
printf '%s\n' 'starting ...' 'initializing ...' 'shutting down' \
  'skipping initializing ...' > regex.log
flowmon filter --format raw '%^starting|^initializing|^shutting down%' regex.log
printf '%s\n' '{"eventType": "UpdateTrail", "cluster.name": "c", "arrayKey": ["value", "another value"]}' > event.json
flowmon filter "{ \$.['cluster.name'] = \"c\" }" event.json
flowmon filter '{ $.arrayKey[*] = %val.{2}% }' event.json
# The quotas: one wildcard in a property selector, three in a pattern.
flowmon filter '{ $.arrayKey[*].* = "value" }' event.json
flowmon filter '{ $.a[*] = 1 || $.b[*] = 1 || $.c.* = 1 || $.d[*] = 1 }' event.json
flowmon filter '%^(ERROR|WARN)%' samples/v2.log
