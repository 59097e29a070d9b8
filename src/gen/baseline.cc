// The baseline: one minute of normal traffic on the model network. Every
// minute draws from its own random stream (seed, minute), so a minute's
// records do not depend on what came before or on the scenarios.
#include "gen/baseline.h"

#include <algorithm>

#include "gen/model.h"

namespace flowmon::gen {
namespace {

// Connections per mille of the peak, per UTC hour: quiet nights, a busy
// afternoon.
constexpr int64_t kDiurnal[24] = {300, 250, 220, 200, 200,  230, 300, 420,
                                  600, 780, 900, 960, 1000, 990, 970, 950,
                                  900, 850, 780, 700, 600,  500, 420, 350};

// The rhythm at `minute`, interpolated between hours (per mille).
int64_t Diurnal(int64_t minute) {
  const int64_t of_day = ((minute % 86400) + 86400) % 86400;
  const int64_t hour = of_day / 3600, into = of_day % 3600;
  const int64_t a = kDiurnal[hour], b = kDiurnal[(hour + 1) % 24];
  return (a * (3600 - into) + b * into) / 3600;
}

// Outside services the app servers call, the partners calling the API,
// the office NAT and the batch host's resolver and backup target.
const IpAddress kApis[] = {V4(151, 101, 1, 69), V4(104, 16, 132, 229),
                           V4(140, 82, 112, 3)};
const IpAddress kPartners[] = {V4(93, 184, 216, 34), V4(185, 199, 108, 153),
                               V4(77, 88, 55, 60)};
const IpAddress kOfficeNat = V4(198, 51, 100, 7);
const IpAddress kResolver = V4(8, 8, 8, 8);
const IpAddress kBackup = V4(52, 216, 10, 20);

// Ports internet scanners knock on.
constexpr int kScanned[] = {21,  22,   23,   25,   80,   135,  139,  443,
                            445, 1433, 3306, 3389, 5900, 6379, 8080, 8443};

void Timing(int64_t minute, int64_t longest, Random* r, Connection* c) {
  c->start = minute + r->Between(0, 59);
  c->end = std::min(c->start + r->Between(1, longest), minute + 60 + 59);
}

void Sizes(Random* r, Connection* c, uint64_t req_max, uint64_t rep_max) {
  c->request_packets = static_cast<uint64_t>(r->Between(4, 30));
  c->request_bytes = r->Octaves(c->request_packets * 60, req_max);
  c->reply_packets = static_cast<uint64_t>(r->Between(4, 120));
  c->reply_bytes = r->Octaves(c->reply_packets * 60, rep_max);
}

// Long interactive sessions from the office NAT to the bastion (several
// people behind one address), each in half-hour blocks of work hours.
void BastionSessions(const std::vector<GenHost>& hosts, uint64_t seed,
                     int64_t minute, std::vector<GenRecord>* out) {
  const int64_t hour = (((minute % 86400) + 86400) % 86400) / 3600;
  if (hour < 8 || hour >= 18) return;
  const int64_t block = minute / 1800;
  for (uint64_t slot = 0; slot < 4; ++slot) {
    Random plan = Random::For(
        seed, 0x5e55000000ULL + slot * 100000 + static_cast<uint64_t>(block));
    if (!plan.Chance(600)) continue;
    Connection c =
        FromOutside(kOfficeNat, hosts[kBastion].v4, kBastion, 22, &plan);
    Random r = Random::For(seed, 0x5e55100000ULL + slot * 10000000 +
                                     static_cast<uint64_t>(minute / 60));
    c.request_packets = static_cast<uint64_t>(r.Between(40, 400));
    c.request_bytes =
        c.request_packets * static_cast<uint64_t>(r.Between(60, 110));
    c.reply_packets = static_cast<uint64_t>(r.Between(40, 600));
    c.reply_bytes = c.reply_packets * static_cast<uint64_t>(r.Between(90, 400));
    c.start = minute;
    c.end = minute + 59;
    AddConnection(c, out);
    if (slot == 0) {
      // The first user hops on to an app server.
      Connection hop = Internal(hosts, kBastion, kApp1, 22, &plan);
      hop.request_packets = c.request_packets / 2 + 1;
      hop.request_bytes = c.request_bytes / 2 + 60;
      hop.reply_packets = c.reply_packets / 2 + 1;
      hop.reply_bytes = c.reply_bytes / 2 + 60;
      hop.start = minute;
      hop.end = minute + 59;
      AddConnection(hop, out);
    }
  }
}

// Internet background: scanners knocking once or twice on public hosts.
void Noise(const std::vector<GenHost>& hosts, int64_t minute, Random* r,
           std::vector<GenRecord>* out) {
  for (const int h : {kWeb1, kWeb2, kBastion, kApi}) {
    const int knocks = static_cast<int>(r->Below(3));
    for (int k = 0; k < knocks; ++k) {
      const IpAddress scanner = RandomPublicV4(r);
      Connection c =
          FromOutside(scanner, hosts[static_cast<size_t>(h)].v4, h, 0, r);
      c.server_port =
          r->Chance(400)
              ? kScanned[r->Below(sizeof kScanned / sizeof kScanned[0])]
              : static_cast<int>(r->Between(1, 65535));
      const bool open = (h == kWeb1 || h == kWeb2)
                            ? (c.server_port == 80 || c.server_port == 443)
                            : h == kApi && c.server_port == 443;
      c.rejected = !open;
      c.request_packets = static_cast<uint64_t>(r->Between(1, 2));
      c.request_bytes = c.request_packets * 44;
      c.reply_packets = 1;
      c.reply_bytes = 40;
      Timing(minute, 2, r, &c);
      AddConnection(c, out);
    }
  }
}

}  // namespace

void BaselineMinute(const std::vector<GenHost>& hosts, const GenConfig& config,
                    int64_t minute, std::vector<GenRecord>* out) {
  Random r = Random::For(config.seed, static_cast<uint64_t>(minute / 60));
  const int64_t volume_milli = static_cast<int64_t>(config.volume * 1000 + 0.5);
  const int64_t jitter = r.Between(900, 1100);
  const int64_t milli = volume_milli * Diurnal(minute) / 1000 * jitter / 1000;
  int64_t n = milli / 1000;
  if (r.Below(1000) < static_cast<uint64_t>(milli % 1000)) ++n;
  for (int64_t i = 0; i < n; ++i) {
    const uint64_t kind = r.Below(100);
    Connection c;
    if (kind < 40) {  // internet clients of the web servers, some on IPv6
      const int web = r.Chance(600) ? kWeb1 : kWeb2;
      const GenHost& w = hosts[static_cast<size_t>(web)];
      const bool v6 = w.v6 && r.Chance(200);
      const IpAddress client = v6 ? RandomClientV6(&r) : RandomPublicV4(&r);
      c = FromOutside(client, v6 ? *w.v6 : w.v4, web, 0, &r);
      c.server_port = r.Chance(900) ? 443 : 80;
      Sizes(&r, &c, 20000, 400000);
      Timing(minute, 20, &r, &c);
    } else if (kind < 60) {  // web to app
      // One draw a statement: the order of a call's arguments is the
      // compiler's to choose.
      const int app = r.Chance(500) ? kApp1 : kApp2;
      const int web = r.Chance(600) ? kWeb1 : kWeb2;
      c = Internal(hosts, web, app, 8080, &r);
      Sizes(&r, &c, 5000, 100000);
      Timing(minute, 10, &r, &c);
    } else if (kind < 75) {  // app to the database
      c = Internal(hosts, r.Chance(500) ? kApp1 : kApp2, kDb, 5432, &r);
      Sizes(&r, &c, 3000, 60000);
      Timing(minute, 5, &r, &c);
    } else if (kind < 84) {  // app to outside APIs
      const int app = r.Chance(500) ? kApp1 : kApp2;
      c = ToOutside(hosts, app, kApis[r.Below(3)], 443, &r);
      Sizes(&r, &c, 8000, 60000);
      Timing(minute, 10, &r, &c);
    } else if (kind < 92) {  // partners calling the API
      c = FromOutside(kPartners[r.Below(3)], hosts[kApi].v4, kApi, 443, &r);
      Sizes(&r, &c, 10000, 50000);
      Timing(minute, 10, &r, &c);
    } else {  // the batch host's DNS lookups
      c = ToOutside(hosts, kBatch, kResolver, 53, &r);
      c.protocol = 17;
      c.request_packets = 1;
      c.request_bytes = static_cast<uint64_t>(r.Between(60, 80));
      c.reply_packets = 1;
      c.reply_bytes = static_cast<uint64_t>(r.Between(90, 300));
      Timing(minute, 1, &r, &c);
    }
    AddConnection(c, out);
  }
  // The hourly backup to object storage: large, legitimate egress.
  if ((minute / 60) % 60 == 17) {
    Connection c = ToOutside(hosts, kBatch, kBackup, 443, &r);
    c.request_bytes = r.Octaves(100u << 20, 200u << 20);
    c.request_packets = c.request_bytes / 1400 + 1;
    c.reply_packets = c.request_packets / 2;
    c.reply_bytes = c.reply_packets * 52;
    c.start = minute + 2;
    c.end = minute + 58;
    AddConnection(c, out);
  }
  // Monitoring pings every host every five minutes.
  if ((minute / 60) % 5 == 0) {
    for (int h = 0; h < kHostCount; ++h) {
      if (h == kApp2) continue;
      Connection c = Internal(hosts, kApp2, h, 0, &r);
      c.protocol = 1;
      c.client_port = 0;
      c.request_packets = c.reply_packets = 1;
      c.request_bytes = c.reply_bytes = 84;
      Timing(minute, 1, &r, &c);
      AddConnection(c, out);
    }
  }
  BastionSessions(hosts, config.seed, minute, out);
  Noise(hosts, minute, &r, out);
}

}  // namespace flowmon::gen
