flowmon alarm --help
