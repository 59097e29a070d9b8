# NODATA records have '-' bytes: counted, published nothing, and reported.
flowmon metric --pattern '[v, a, e, src, dst, sp, dp, p, packets, bytes, start, end, action, status=NODATA]' --value '$bytes' -o csv samples/v2.log
