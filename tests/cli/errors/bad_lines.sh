flowmon filter -c '[..., action=REJECT, status]' samples/bad_lines.log
