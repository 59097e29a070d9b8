flowmon top --by bogus samples/v2.log
flowmon top --by srcaddr/200 samples/v2.log
flowmon top --by srcaddr --sum octets samples/v2.log
# Impossible prefix lengths name --by; so does a bad --order.
flowmon top --by srcaddr/33 samples/v2.log; echo "exit $?"
flowmon top --by srcaddr/-1 samples/v2.log; echo "exit $?"
flowmon top --by srcaddr/24/129 samples/v2.log; echo "exit $?"
flowmon top --by srcaddr/2.5 samples/v2.log; echo "exit $?"
flowmon top --by srcaddr --order octets samples/v2.log; echo "exit $?"
flowmon top --by srcaddr --order packets --sum bytes samples/v2.log; echo "exit $?"
flowmon top --by srcaddr --where '[..., action=NOPE, status]' samples/v2.log
