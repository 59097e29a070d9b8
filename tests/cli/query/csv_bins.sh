flowmon query -o csv 'filter action="REJECT" | stats count(*) by bin(5m) | sort bin(5m)' samples/v2.log
