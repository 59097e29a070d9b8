flowmon query 'stast count(*)' samples/v2.log
flowmon query 'stats median(bytes)' samples/v2.log
flowmon query 'filter action="REJECT" stats' samples/v2.log
flowmon query 'filter parse(@message)' samples/v2.log
flowmon query 'stats count(*) by bin(5x)' samples/v2.log
