flowmon fitler '[]' samples/v2.log
