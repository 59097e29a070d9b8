# One pass, three monitors: times come from each input's `start` column,
# patterns are positional as in CloudWatch (the last one only matches where
# the last-but-one field is the action, in a.log).
cat > monitors.json <<'JSON'
{"monitors": [
  {"name": "rejects", "pattern": "REJECT", "threshold": 2,
   "comparison": "GreaterThanOrEqualToThreshold",
   "treat_missing_data": "notBreaching", "expect": "OK"},
  {"name": "quiet-minutes", "pattern": "REJECT", "default_value": 0,
   "threshold": 1, "comparison": "LessThanThreshold", "expect": "ALARM"},
  {"name": "positional-rejects", "pattern": "[..., action=REJECT, status]",
   "threshold": 1, "comparison": "GreaterThanOrEqualToThreshold",
   "treat_missing_data": "notBreaching", "expect": "ALARM"}
]}
JSON
flowmon check --config monitors.json samples/mixed_headers
