flowmon athena sql --filter '{ $.a = 1 }'
flowmon athena sql --filter '[a, b, c]'
flowmon athena sql --top srcaddr --metric '[]'
flowmon athena ddl --account a
