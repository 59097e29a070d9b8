# `[]` matches every event and, naming no field, extracts every field by
# its position, as TestMetricFilter numbers the fields a pattern leaves
# unnamed.
flowmon test-pattern '[]' samples/apache.log
flowmon test-pattern -o json '[]' samples/apache.log
