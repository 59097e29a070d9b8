# The Transit Gateway default format, field by field in record order, and
# the fields only Transit Gateway flow logs have.
flowmon fields --format tgw
flowmon fields --logs tgw --version 6 -o csv | grep ',6,'
