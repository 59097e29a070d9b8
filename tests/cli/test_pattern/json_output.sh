flowmon test-pattern -o json '[..., request=*.html*, status_code=4*,]' samples/apache.log
