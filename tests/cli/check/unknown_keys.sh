printf '{"monitors":[{"name":"x","pattern":"REJECT","threshold":100,"comparison":"GreaterThanThreshold","severity":"high"}]}' > m.json
flowmon check --config m.json samples/v2.log
