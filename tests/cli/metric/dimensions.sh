flowmon metric --pattern '[v, a, e, src, dst, sp, dstport, p, packets, bytes, start, end, action=REJECT, status]' --dimension 'Port=$dstport' --period 300 -o ndjson samples/v2.log
