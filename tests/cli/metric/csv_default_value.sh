# With a default value, minutes that have log events but no match publish it.
flowmon metric --pattern '[..., action=REJECT, status]' --default-value 0 -o csv samples/v2.log
