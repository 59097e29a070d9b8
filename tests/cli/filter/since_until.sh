flowmon filter --since 2019-07-14T12:43:00Z --until 1563108400 '[]' samples/v2.log
