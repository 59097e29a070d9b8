flowmon fields --version 2 -o csv
