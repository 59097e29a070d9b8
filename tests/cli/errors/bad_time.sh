flowmon filter --since yesterday '[]' samples/v2.log
