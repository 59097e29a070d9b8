# docs/output.md's table, test-pattern -o csv: one entry per match (csv/tsv: per extracted value).
flowmon test-pattern -o csv '[..., request=*.html*, status_code=4*,]' samples/apache.log
