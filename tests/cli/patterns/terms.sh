flowmon filter -c 'REJECT' samples/v2.log
# Beside other terms, '?' terms are ignored, as the user guide says: the
# same count as REJECT -NODATA.
flowmon filter -c 'REJECT -NODATA ?SKIPDATA' samples/v2.log
flowmon filter '?"185.220.101" ?"61.177.172.214"' samples/v2.log
