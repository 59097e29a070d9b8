# The dimensions column is always quoted; a quote inside it is doubled.
printf '%s\n' \
  '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1563108021 1563108074 ACCEPT OK' \
  '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1563108021 1563108074 RE"JECT OK' > quotes.log
flowmon metric --pattern '[v, a, e, src, dst, sp, dstport, p, packets, bytes, start, end, action, status]' --dimension 'Action=$action' --period 300 -o csv quotes.log
