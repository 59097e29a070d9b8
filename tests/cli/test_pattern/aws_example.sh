# The TestMetricFilter example of the AWS documentation.
flowmon test-pattern '[..., request=*.html*, status_code=4*,]' samples/apache.log
