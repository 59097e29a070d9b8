flowmon filter 'ERROR:' samples/v2.log
flowmon filter '{ $.a = 1 ' samples/v2.log
flowmon filter '%something!%' samples/v2.log
