# # starts a comment that runs to the end of the line (AWS's example).
flowmon query 'fields @timestamp, @message, accountId
# | filter accountId not like "7983124201998"
| sort @timestamp desc
| limit 3 # the newest three' samples/v2.log
