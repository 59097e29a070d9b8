# The version and the commit flowmon was configured from ("unknown" outside git).
flowmon --version | grep -Eq '^flowmon [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{12}|unknown)\)$' && echo "--version: ok"
[ "$(flowmon version)" = "$(flowmon --version)" ] && echo "version: the same"
