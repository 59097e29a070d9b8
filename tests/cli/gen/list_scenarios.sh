flowmon gen --list-scenarios
