flowmon athena --help
