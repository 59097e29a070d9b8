# The same day without the scenarios: nothing.
flowmon gen --seed 14 | flowmon detect --blocklist samples/detect/blocklist.netset
