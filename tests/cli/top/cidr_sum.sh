flowmon top --by dstaddr/16,dstport --sum bytes -o json --limit 5 samples/AWSLogs/
