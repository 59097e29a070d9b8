flowmon top --help
