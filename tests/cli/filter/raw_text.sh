flowmon filter --format raw '[ip, user, username, timestamp, request, status_code = 2* && bytes > 4000, bytes]' samples/apache.log
