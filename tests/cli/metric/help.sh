flowmon metric --help
