# A day of traffic with one of each scenario at odd times (some across a
# window's edge): each is reported once, with its type and actor, and
# nothing else, at the default settings.
flowmon gen --seed 14 \
  --scenario ssh-brute-force:at=03:17 \
  --scenario rdp-brute-force:at=04:08 \
  --scenario port-scan:at=05:58 \
  --scenario port-scan:kind=horizontal,at=07:41 \
  --scenario port-probe:at=09:09 \
  --scenario spike:at=11:23 \
  --scenario exfil:at=13:55 \
  --scenario blocklisted:at=15:02 \
  --scenario unusual-protocol:at=17:36 \
  --scenario gap:at=19:48 \
  --scenario skipdata:at=22:14 > day.log
flowmon detect --blocklist samples/detect/blocklist.netset day.log
