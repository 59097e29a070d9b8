flowmon filter --bogus '[]' samples/v2.log
