flowmon test-pattern -o json 'NOTHING' samples/apache.log
