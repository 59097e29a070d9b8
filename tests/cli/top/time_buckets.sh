flowmon top --by 5m --where REJECT --limit 0 -o csv samples/v2.log
flowmon top --by srcaddr/24,protocol --since 2019-07-14T12:45:00Z -o tsv --limit 3 samples/v2.log
