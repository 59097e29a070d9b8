# The functions of AWS's function pages, each on the first record.
flowmon query -o json 'filter srcPort = 49057 | limit 1
| fields concat(srcAddr, ":", srcPort) as endpoint, substr(interfaceId, 4, 6) as eni6,
  replace(action, "ACC", "acc") as r, strcontains(dstAddr, "52.94") as aws,
  strlen(@message) as len, toupper(logStatus) as up, tolower(action) as low,
  trim("  x  ") as t, ltrim("xyZxyfooxyZ", "xyZ") as lt, rtrim("xyZfooxyxyZ", "xyZ") as rt,
  isempty(vpcId) as e, isblank(" ") as b,
  abs(-bytes) as a, ceil(bytes / 100) as c, floor(bytes / 100) as f, greatest(packets, 7) as g,
  least(packets, 7) as l, log(1) as ln, sqrt(bytes) as sq, round(bytes / 7, 2) as rd,
  coalesce(vpcId, interfaceId) as co, ispresent(vpcId) as p,
  isValidIp(srcAddr) as ip, isValidIpV4(srcAddr) as v4, isValidIpV6(srcAddr) as v6,
  isIpv4InSubnet(srcAddr, "10.0.0.0/16") as in16, isIpv6InSubnet(srcAddr, "::/0") as in6,
  datefloor(@timestamp, 1h) as hour, dateceil(@timestamp, 1d) as day, bin(1w) as week,
  bin(1mo) as month, toMillis(@timestamp) as ms, fromMillis(startTime * 1000) as t0' samples/v2.log
