flowmon gen --help
