flowmon metric --pattern '[..., action=NEVER, status]' -o csv samples/v2.log
