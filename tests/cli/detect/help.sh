flowmon detect --help
