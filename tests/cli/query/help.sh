flowmon query --help
