# What flowmon does not support is an error with a caret, exit 2.
q() { flowmon query "$1" samples/v2.log; echo "exit $?"; }
q 'stats count(*) as n by srcAddr | fields n * 2 as m'
q 'sort bytes | stats count(*)'
q 'fields jsonParse(@message) as j'
q 'parse @message logfmt as lf'
q 'parse @message /(\d+)/ as n multi'
q 'unmask'
q 'stats count(*) by bin(300s)'
q 'fields @logStream'
q 'filter @timestamp > "2019-07-14 12:45:00"'
q 'limit any 10'
q 'FIELDS @message | STATS SUM(bytes) by srcAddr | STATS MAX(strlen(@message)) AS MaxMessageSize'
