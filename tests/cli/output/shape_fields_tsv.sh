# docs/output.md's table, fields -o tsv: one entry per field.
flowmon fields --version 2 -o tsv
