# Each format escapes by its own rules: CSV cells a spreadsheet would run
# as formulas start with ' (numbers stay numbers), bytes that are not
# UTF-8 are \ufffd in JSON, and a file name with an escape sequence is
# written \x1b on stderr.
printf 'x =HYPERLINK("http://evil") @SUM(A1) -5 +cmd bad\377 "q,1"\n' > cells.txt
flowmon filter --format raw -o csv '[]' cells.txt
flowmon filter --format raw -o tsv '[]' cells.txt
flowmon filter --format raw -o ndjson '[]' cells.txt
printf 'not a flow log\n' > "$(printf 'evil\033[31mred.log')"
flowmon filter -c '[]' evil*red.log
