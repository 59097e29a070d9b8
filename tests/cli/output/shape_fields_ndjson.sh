# docs/output.md's table, fields -o ndjson: one entry per field.
flowmon fields --version 2 -o ndjson
