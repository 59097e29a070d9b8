# CSV quotes a value holding ',', '"', CR or LF; TSV turns a tab into a space
# (the same rule as filter's). cat -v shows the CR as ^M.
flowmon query -o csv $'fields "cr\rhere" as a, "x,y" as b, \'say "hi"\' as c | limit 1' samples/v2.log | cat -v
flowmon query -o tsv $'fields "tab\there" as a, "x,y" as b | limit 1' samples/v2.log
