flowmon filter --invret '[]' samples/v2.log
