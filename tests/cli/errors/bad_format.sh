flowmon filter --format '${version} ${srcadr}' '[]' samples/v2.log
