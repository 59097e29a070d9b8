# docs/output.md's table, test-pattern -o tsv: one entry per match (csv/tsv: per extracted value).
flowmon test-pattern -o tsv '[..., request=*.html*, status_code=4*,]' samples/apache.log
