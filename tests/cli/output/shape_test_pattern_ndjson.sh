# docs/output.md's table, test-pattern -o ndjson: one entry per match (csv/tsv: per extracted value).
flowmon test-pattern -o ndjson '[..., request=*.html*, status_code=4*,]' samples/apache.log
