flowmon metric --pattern '[..., action=REJECT, status]' --dimension 'Port=$dstport' --default-value 0 samples/v2.log
flowmon metric --pattern '[..., action=REJECT, status]' --value '$bytes' samples/v2.log
flowmon metric --pattern '[..., action=REJECT, status]' --stat p101 samples/v2.log
flowmon metric --pattern '[..., action=REJECT, status]' --period 90 samples/v2.log
