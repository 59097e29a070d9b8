# docs/output.md's table, fields -o text: one entry per field.
flowmon fields --version 2 -o text
