# CLI11's own messages carry the prefix too.
flowmon; echo "exit $?"
flowmon filter; echo "exit $?"
flowmon completion tcsh; echo "exit $?"
flowmon --color sometimes fields; echo "exit $?"
