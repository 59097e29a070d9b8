FLOWMON_NOW=soon flowmon filter --since 1h '[]' samples/v2.log
