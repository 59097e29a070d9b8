// The model network and the pieces the baseline and the scenarios both build
// records from: a connection becomes the records of each ENI it touches.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "flowmon/gen/prng.h"
#include "flowmon/gen/traffic.h"

namespace flowmon::gen {

// The hosts' indexes in ModelHosts().
enum HostIndex : int {
  kWeb1,
  kWeb2,
  kBastion,
  kApp1,
  kApp2,
  kDb,
  kBatch,
  kApi,
  kHostCount
};

std::vector<GenHost> ModelHosts();

// One connection: both halves (request and reply) at every ENI of the model
// it touches. A REJECTed one has only its request, at the server.
struct Connection {
  IpAddress client, server;
  int client_host = -1, server_host = -1;  // -1: outside the model
  int client_port = 0, server_port = 0, protocol = 6;
  uint64_t request_packets = 1, request_bytes = 60;
  uint64_t reply_packets = 0, reply_bytes = 0;
  int64_t start = 0, end = 0;
  bool rejected = false;
};
void AddConnection(const Connection& c, std::vector<GenRecord>* out);

// A connection from host `client` to host `server` on `port`, IPv4.
Connection Internal(const std::vector<GenHost>& hosts, int client, int server,
                    int port, Random* r);
// From an outside address to `local`, an address of host `host`.
Connection FromOutside(const IpAddress& remote, const IpAddress& local,
                       int host, int port, Random* r);
// From host `host` (its IPv4 address) to an outside address.
Connection ToOutside(const std::vector<GenHost>& hosts, int host,
                     const IpAddress& remote, int port, Random* r);

// Addresses of the internet: public IPv4 outside every reserved block and
// the documentation prefixes scenarios use, and IPv6 clients in
// 2001:db8:ff00::/40.
IpAddress RandomPublicV4(Random* r);
IpAddress RandomClientV6(Random* r);
IpAddress V4(uint8_t a, uint8_t b, uint8_t c, uint8_t d);
// An ephemeral client port (Linux's default range).
int EphemeralPort(Random* r);

}  // namespace flowmon::gen
