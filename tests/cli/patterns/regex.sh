# A regex may hold spaces: AWS's own examples do (%^shutting down%).
flowmon filter -c '%REJECT OK$%' samples/v2.log
flowmon filter -c '[..., dstport=%^(22|3389)$%, protocol, packets, bytes, start, end, action, status]' samples/v2.log
flowmon filter -c '[..., dstport=%^22$|^3389$%, protocol, packets, bytes, start, end, action, status]' samples/v2.log
