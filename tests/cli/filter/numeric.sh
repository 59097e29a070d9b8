# Large transfers; '-' fields (NODATA, SKIPDATA) fail numeric tests.
flowmon filter '[v, acct, eni, src, dst, sport, dport, proto, packets, bytes >= 30000, ...]' samples/v2.log
