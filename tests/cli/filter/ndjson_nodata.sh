# NODATA and SKIPDATA records: '-' becomes null.
flowmon filter -o ndjson '[..., status=*DATA]' samples/v2.log
