# docs/output.md's table, test-pattern -o json: one entry per match (csv/tsv: per extracted value).
flowmon test-pattern -o json '[..., request=*.html*, status_code=4*,]' samples/apache.log
