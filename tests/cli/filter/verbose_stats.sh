flowmon filter -v -c '[..., action=REJECT, status]' samples/bad_lines.log
