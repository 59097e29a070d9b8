# docs/output.md's table, query -o text: the result rows; bin() is a time column, ISO-8601 in machine outputs.
flowmon query -o text 'filter action = "REJECT" | stats count(*) as flows, sum(bytes) as bytes by bin(1h)' samples/ssh_rejects.log
