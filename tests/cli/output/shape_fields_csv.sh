# docs/output.md's table, fields -o csv: one entry per field.
flowmon fields --version 2 -o csv
