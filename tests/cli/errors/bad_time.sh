flowmon filter --since tomorrow '[]' samples/v2.log
