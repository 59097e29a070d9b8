# docs/output.md's table, filter -o json: records that match: a NODATA record's '-' fields are null (JSON) or empty cells (CSV).
flowmon filter -o json '?NODATA ?39611' samples/ssh_rejects.log samples/v2.log
