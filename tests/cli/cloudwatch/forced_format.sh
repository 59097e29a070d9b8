flowmon filter -c --input-format text '[]' samples/cloudwatch/console-download.csv
flowmon filter -c --input-format csv '[]' samples/cloudwatch/console-download.csv
flowmon filter -c --input-format bogus '[]' samples/cloudwatch/console-download.csv
