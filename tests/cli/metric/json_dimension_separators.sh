# A dimension value holding ',' or '=' is one value: the JSON object has
# the values as the records hold them, and the two records are two series.
printf '%s\n' \
  '2 x,B=y z 10.0.0.1 10.0.0.2 1 22 6 1 60 1563108021 1563108074 ACCEPT OK' \
  '2 x y,B=z 10.0.0.1 10.0.0.2 1 22 6 1 60 1563108021 1563108074 ACCEPT OK' > seps.log
flowmon metric --pattern '[v, account, eni, src, dst, sp, dstport, p, packets, bytes, start, end, action, status]' --dimension 'A=$account' --dimension 'B=$eni' -o ndjson seps.log
flowmon metric --pattern '[v, account, eni, src, dst, sp, dstport, p, packets, bytes, start, end, action, status]' --dimension 'A=$account' --dimension 'B=$eni' -o csv seps.log
