flowmon fields
