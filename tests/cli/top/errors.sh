flowmon top --by bogus samples/v2.log
flowmon top --by srcaddr/200 samples/v2.log
flowmon top --by srcaddr --sum octets samples/v2.log
flowmon top --by srcaddr --where '[..., action=NOPE, status]' samples/v2.log
