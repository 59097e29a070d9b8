# Records are written as they are to files and pipes; to a terminal, bytes
# a terminal could take as commands (a C1 control such as CSI, U+009B, or
# a byte that is not UTF-8) are written as \xNN.
printf '2 123456789012 eni-0a1b2c3d4e5f60718 61.177.172.218 10.0.1.25 30123 22 6 1 40 1563115010 1563115030 REJECT OK\302\2332J\n' > c1.log
printf '2 123456789012 eni-0a1b2c3d4e5f60718 61.177.172.218 10.0.1.25 30123 22 6 1 40 1563115010 1563115030 REJECT \2332JOK\n' >> c1.log
printf '2 123456789012 eni-0a1b2c3d4e5f60718 61.177.172.218 10.0.1.25 30123 22 6 1 40 1563115010 1563115030 REJECT caf\303\251\n' >> c1.log
flowmon filter '[]' c1.log | cmp - c1.log && echo 'to a pipe: the bytes as they are'
script -qec "flowmon filter '[]' c1.log" /dev/null | tr -d '\r'
