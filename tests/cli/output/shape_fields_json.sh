# docs/output.md's table, fields -o json: one entry per field.
flowmon fields --version 2 -o json
