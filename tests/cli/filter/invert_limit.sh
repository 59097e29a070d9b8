flowmon filter --invert --limit 3 '[..., action=ACCEPT, status]' samples/v2.log
