# docs/output.md's table, detect -o text: one entry per finding.
flowmon gen --duration 2h --scenario port-scan:at=01:00,ports=25 > g.log
flowmon detect --only port-scan -o text g.log
