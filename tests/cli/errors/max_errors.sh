flowmon filter -q -c --max-errors 2 '[]' samples/bad_lines.log
