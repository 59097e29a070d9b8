flowmon filter -o tsv '[..., status=NODATA]' samples/v2.log
