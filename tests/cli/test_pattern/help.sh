flowmon test-pattern --help
