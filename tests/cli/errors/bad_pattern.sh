flowmon filter '[version, account, eni, src dst, ...]' samples/v2.log
