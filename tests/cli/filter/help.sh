flowmon filter --help
