# filter --invert prints records a space-delimited pattern does not fit:
# each gets its own fields by position, never the previous record's (a
# one-field line once read past the record and crashed).
printf 'a b c d e\nsingle\nx y z w REJECT OK\nlast two\n' > raw.txt
flowmon filter --invert --format raw -o ndjson '[..., action=REJECT, status]' raw.txt
flowmon filter --invert --format raw -o csv '[..., action=REJECT, status]' raw.txt
