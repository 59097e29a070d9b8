# Plain text: v2 records without a header; other formats with one.
flowmon gen --duration 1m | head -4
flowmon gen --duration 1m --format '${version} ${interface-id} ${srcaddr} ${dstaddr} ${flow-direction} ${traffic-path}' | head -4
flowmon gen --duration 1m --format tgw --no-header | head -1
