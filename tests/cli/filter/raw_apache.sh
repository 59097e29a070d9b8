# Any space-delimited log, not only flow logs: the AWS documentation's
# TestMetricFilter example, with fields named by the pattern.
flowmon filter --format raw -o json '[..., request=*.html*, status_code=4*,]' samples/apache.log
