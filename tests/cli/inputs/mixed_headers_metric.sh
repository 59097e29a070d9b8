# Each input's `start` column gives its records' minutes; with a default
# value the records the prefilter passes over (no "REJECT" in them) still
# count as events: 13:01 has only an ACCEPT record of b.log.
flowmon metric --pattern REJECT --default-value 0 -o csv samples/mixed_headers
