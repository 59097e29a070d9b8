flowmon filter --verbose -c '[..., action=REJECT, status]' samples/bad_lines.log
