# grep's -v: the records that do not match, the same as --invert.
flowmon filter -c -v '[..., action=REJECT, status]' samples/v2.log
flowmon filter -c --invert '[..., action=REJECT, status]' samples/v2.log
flowmon filter -c '[..., action=REJECT, status]' samples/v2.log
# --verbose (long only) still says what was read.
flowmon --verbose filter -c -v '[..., action=REJECT, status]' samples/v2.log
