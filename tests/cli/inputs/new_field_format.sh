# --format accepts a field flowmon does not know the same way (a string,
# one warning); one a single letter off a known name is a typo, not a new
# field.
echo '2 10.0.0.1 3' | flowmon filter --format '${version} ${srcaddr} ${brand-new}' -o json ''
echo '2 10.0.0.1' | flowmon filter --format '${version} ${srcadr}' ''
