flowmon filter -o xml '[]' samples/v2.log
