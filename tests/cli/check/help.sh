flowmon check --help
