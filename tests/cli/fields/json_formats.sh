# Machine-readable: versions, which flow logs write each field, Insights
# names; a --format field flowmon does not know has no version.
flowmon fields --version 2 --logs vpc -o ndjson
flowmon fields --format '${encryption-status} ${resource-id} ${later-field}' -o json
flowmon fields --logs nope
