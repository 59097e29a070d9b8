# parse: glob and regular-expression forms (AWS's parse page), on flow logs
# and on other text (--format raw).
run() { echo "## $1"; flowmon query "$@"; echo; }
run 'parse @message "* * * * * * * * * * * * * *" as version, account, eni, src, dst, sport, dport, proto, pkts, size, first, last, verdict, status | filter verdict = "REJECT" | stats count(*) as n, sum(size) as b by src | sort b desc | limit 5' samples/v2.log
run 'parse @message /(?<NetworkInterface>eni-.*?) / | display NetworkInterface, srcAddr | limit 2' samples/v2.log
run 'parse @message "* - * [*] \"* * *\" * *" as ip, user, time, method, path, proto, status, size | stats count(*) as n, sum(size) as bytes by status | sort status' --format raw samples/apache.log
run 'parse @message /\[(?<time>[^\]]+)\] "(?<method>\S+) (?<path>\S+)/ | parse path "/*.*" as page, ext | display method, page, ext' --format raw samples/apache.log
