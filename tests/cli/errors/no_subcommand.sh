flowmon
