# docs/output.md's table, test-pattern -o text: one entry per match (csv/tsv: per extracted value).
flowmon test-pattern -o text '[..., request=*.html*, status_code=4*,]' samples/apache.log
