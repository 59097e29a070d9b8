# -v was the global verbose flag; now it is filter's --invert.
flowmon -v filter -c '[]' samples/v2.log
