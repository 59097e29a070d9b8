# Without fields or stats: @timestamp and @message, newest first.
flowmon query 'filter dstPort=3389 | limit 2' samples/v2.log
