// `flowmon athena sql --detect NAME`: each detector of `flowmon detect` as
// one query. Windows are "start" minus "start" modulo the window; distinct
// counts use approx_distinct (Trino's HyperLogLog, as detect's own is one);
// address blocks use Trino's contains(network, ipaddress).
#include "flowmon/athena/detect_sql.h"

#include <fmt/format.h>

#include <algorithm>

#include "athena/sql_common.h"
#include "flowmon/detect/address_list.h"

namespace flowmon {
namespace {

using athena::From;
using athena::Quote;

// "column" of a field, after checking the format has it.
class Columns {
 public:
  Columns(const AthenaTable& t, std::string_view detector)
      : t_(t), detector_(detector) {}
  std::string operator()(std::string_view field) {
    if (t_.schema.IndexOf(field) < 0 && missing_.empty()) {
      missing_ = std::string(field);
    }
    return fmt::format("\"{}\"", AthenaColumn(field));
  }
  Status status() const {
    return missing_.empty()
               ? Status::Ok()
               : Status::InvalidArgument(fmt::format(
                     "--detect {}: the table's format has no field '{}'",
                     detector_, missing_));
  }

 private:
  const AthenaTable& t_;
  std::string_view detector_;
  std::string missing_;
};

std::string Numbers(const std::vector<int>& v) {
  std::string out;
  for (const int n : v) out += (out.empty() ? "" : ", ") + std::to_string(n);
  return out;
}

std::string Ports(const std::vector<NamedPort>& ports) {
  std::vector<int> v;
  for (const NamedPort& p : ports) v.push_back(p.port);
  return Numbers(v);
}

// TRUE when `column` is in one of the blocks (FALSE for "-").
std::string InBlocks(const std::vector<std::string>& blocks,
                     const std::string& column) {
  if (blocks.empty()) return "FALSE";
  std::string list;
  for (const std::string& b : blocks)
    list += (list.empty() ? "" : ", ") + Quote(b);
  return fmt::format(
      "coalesce(any_match(ARRAY[{}], n -> contains(n, try_cast({} AS "
      "IPADDRESS))), FALSE)",
      list, column);
}

std::vector<std::string> Texts(const std::vector<IpNetwork>& networks) {
  std::vector<std::string> out;
  for (const IpNetwork& n : networks) {
    std::string s;
    n.AppendTo(&s);
    out.push_back(s);
  }
  return out;
}

std::string Window(int64_t seconds) {
  return fmt::format("\"start\" - \"start\" % {}",
                     std::max<int64_t>(60, seconds));
}

// WHERE over the base table: the detector's conditions and the time range.
std::string BaseWhere(const AthenaTable& t, const AthenaTimeRange& r,
                      std::vector<std::string> conditions) {
  athena::ScopeConditions(t, r, &conditions);
  return athena::Where(conditions);
}

std::string PortScan(const AthenaTable& t, const DetectConfig& c,
                     const AthenaTimeRange& r, Columns& col) {
  const PortScanConfig& p = c.port_scan;
  std::vector<std::string> where = {
      fmt::format("{} IN (6, 17)", col("protocol")),
      fmt::format("({} = 'REJECT' OR {} <= {})", col("action"), col("packets"),
                  p.probe_packets),
      // Replies (a well-known port to an ephemeral one) are never probes.
      fmt::format("NOT ({} < 1024 AND {} >= 1024)", col("srcport"),
                  col("dstport"))};
  if (!p.allow.empty()) {
    where.push_back("NOT " + InBlocks(Texts(p.allow), col("srcaddr")));
  }
  return fmt::format(
      "WITH probes AS (\n  SELECT {0} AS \"window\", {1} AS src, {2} AS dst, "
      "{3} AS port, {4} AS action\n  FROM {5}{6}\n)\n"
      "SELECT from_unixtime(\"window\") AS \"window\", 'vertical' AS scan, "
      "src AS actor, dst AS target, NULL AS port,\n"
      "  approx_distinct(port) AS distinct_ports, NULL AS distinct_hosts, "
      "count(*) AS probes, count_if(action = 'REJECT') AS rejected\n"
      "FROM probes GROUP BY \"window\", src, dst HAVING approx_distinct(port) "
      ">= {7}\n"
      "UNION ALL\n"
      "SELECT from_unixtime(\"window\"), 'horizontal', src, NULL, port, NULL, "
      "approx_distinct(dst),\n  count(*), count_if(action = 'REJECT')\n"
      "FROM probes GROUP BY \"window\", src, port HAVING approx_distinct(dst) "
      ">= {8}\nORDER BY 1, 3;\n",
      Window(p.window), col("srcaddr"), col("dstaddr"), col("dstport"),
      col("action"), From(t), BaseWhere(t, r, where), p.min_ports, p.min_hosts);
}

std::string BruteForce(const AthenaTable& t, const DetectConfig& c,
                       const AthenaTimeRange& r, Columns& col) {
  const BruteForceConfig& b = c.brute_force;
  std::string type = "CASE " + col("dstport");
  for (const NamedPort& p : b.ports) {
    type +=
        fmt::format(" WHEN {} THEN {}", p.port,
                    Quote("UnauthorizedAccess:EC2/" + p.name + "BruteForce"));
  }
  type += " END";
  std::vector<std::string> where = {
      fmt::format("{} = 6", col("protocol")),
      fmt::format("{} IN ({})", col("dstport"), Ports(b.ports)),
      fmt::format("{} <= {}", col("packets"), b.max_packets)};
  if (!b.allow.empty()) {
    where.push_back("NOT " + InBlocks(Texts(b.allow), col("srcaddr")));
  }
  return fmt::format(
      "SELECT from_unixtime({0}) AS \"window\", {1} AS type, {2} AS actor, "
      "{3} AS target, {4} AS port,\n  count(*) AS attempts, count_if({5} = "
      "'ACCEPT') AS accepted\nFROM {6}{7}\nGROUP BY 1, 2, 3, 4, 5\nHAVING "
      "count(*) >= {8}\nORDER BY 1, 3;\n",
      Window(b.window), type, col("srcaddr"), col("dstaddr"), col("dstport"),
      col("action"), From(t), BaseWhere(t, r, where), b.min_attempts);
}

std::string PortProbe(const AthenaTable& t, const DetectConfig& c,
                      const AthenaTimeRange& r, Columns& col) {
  const PortProbeConfig& p = c.port_probe;
  const std::vector<std::string> internal = Texts(c.internal);
  std::vector<std::string> where = {
      fmt::format("{} = 'ACCEPT'", col("action")),
      fmt::format("{} IN (6, 17)", col("protocol")),
      fmt::format("{} IN ({})", col("dstport"), Ports(p.ports)),
      "NOT " + InBlocks(internal, col("srcaddr")),
      InBlocks(internal, col("dstaddr"))};
  if (!p.allow.empty()) {
    where.push_back("NOT " + InBlocks(Texts(p.allow), col("srcaddr")));
  }
  if (!p.allow_targets.empty()) {
    where.push_back("NOT " + InBlocks(Texts(p.allow_targets), col("dstaddr")));
  }
  return fmt::format(
      "SELECT from_unixtime({0}) AS \"window\", {1} AS target, {2} AS port,\n"
      "  CASE WHEN {2} IN ({3}) THEN 'High' ELSE 'Low' END AS severity,\n"
      "  approx_distinct({4}) AS distinct_sources, min({4}) AS actor, "
      "count(*) AS flows\nFROM {5}{6}\nGROUP BY 1, 2, 3, 4\nORDER BY 1, 2, "
      "3;\n",
      Window(p.window), col("dstaddr"), col("dstport"), Numbers(p.high_ports),
      col("srcaddr"), From(t), BaseWhere(t, r, where));
}

std::string Spike(const AthenaTable& t, const DetectConfig& c,
                  const AthenaTimeRange& r, Columns& col) {
  const SpikeConfig& s = c.spike;
  const std::string eni = t.schema.IndexOf("interface-id") >= 0
                              ? col("interface-id")
                              : std::string("'total'");
  std::vector<std::string> where;
  if (t.schema.IndexOf("log-status") >= 0) {
    where.push_back(col("log-status") + " = 'OK'");
  }
  std::string metrics;
  for (const auto& [name, floor] :
       {std::pair<std::string_view, double>{"bytes", s.min_bytes},
        {"packets", s.min_packets},
        {"rejects", s.min_rejects}}) {
    if (!metrics.empty()) metrics += "\n    OR ";
    metrics += fmt::format("({0} >= {1:.0f} AND {0} >= {2} * {0}_median)", name,
                           floor, s.ratio);
  }
  auto baseline = [&](std::string_view m) {
    return fmt::format(
        "approx_percentile({0}, 0.5) OVER (PARTITION BY eni ORDER BY minute "
        "ROWS BETWEEN {1} PRECEDING AND 1 PRECEDING) AS {0}_median",
        m, s.baseline);
  };
  return fmt::format(
      "WITH minutes AS (\n  SELECT {0} AS eni, {1} AS minute, sum({2}) AS "
      "bytes, "
      "sum({3}) AS packets,\n    count_if({4} = 'REJECT') AS rejects\n"
      "  FROM {5}{6}\n  GROUP BY 1, 2\n),\nbaselines AS (\n  SELECT *,\n    "
      "{7},\n"
      "    {8},\n    {9},\n    count(*) OVER (PARTITION BY eni ORDER BY minute "
      "ROWS BETWEEN {10} PRECEDING AND 1 PRECEDING) AS history\n  FROM "
      "minutes\n)\n"
      "SELECT from_unixtime(minute) AS minute, eni, bytes, bytes_median, "
      "packets, "
      "packets_median, rejects, rejects_median\nFROM baselines\n"
      "WHERE history >= {11}\n  AND ({12})\nORDER BY 1, 2;\n",
      eni, Window(60), col("bytes"), col("packets"), col("action"), From(t),
      BaseWhere(t, r, where), baseline("bytes"), baseline("packets"),
      baseline("rejects"), s.baseline, s.warmup, metrics);
}

std::string Blocklist(const AthenaTable& t, const DetectConfig& c,
                      const AthenaTimeRange& r, Columns& col,
                      const AddressList& list) {
  std::vector<std::string> blocks;
  for (const auto& [cidr, name] : list.Blocks()) blocks.push_back(cidr);
  const std::string src = InBlocks(blocks, col("srcaddr"));
  const std::string dst = InBlocks(blocks, col("dstaddr"));
  return fmt::format(
      "SELECT from_unixtime({0}) AS \"window\",\n"
      "  CASE WHEN {1} THEN {3} ELSE {4} END AS listed,\n"
      "  CASE WHEN {1} THEN {4} ELSE {3} END AS local,\n"
      "  count(*) AS flows, count_if({5} = 'ACCEPT') AS accepted, sum({6}) AS "
      "bytes\nFROM {7}{8}\nGROUP BY 1, 2, 3\nORDER BY 1, 2, 3;\n",
      Window(c.blocklist.window), src, dst, col("srcaddr"), col("dstaddr"),
      col("action"), col("bytes"), From(t),
      BaseWhere(t, r, {"(" + src + " OR " + dst + ")"}));
}

std::string UnusualProtocol(const AthenaTable& t, const DetectConfig& c,
                            const AthenaTimeRange& r, Columns& col) {
  const UnusualProtocolConfig& u = c.unusual_protocol;
  return fmt::format(
      "SELECT from_unixtime({0}) AS \"window\", {1} AS src, {2} AS dst, {3} AS "
      "protocol,\n  count(*) AS flows, sum({4}) AS bytes\nFROM {5}{6}\n"
      "GROUP BY 1, 2, 3, 4\nORDER BY 1, 2, 3;\n",
      Window(u.window), col("srcaddr"), col("dstaddr"), col("protocol"),
      col("bytes"), From(t),
      BaseWhere(
          t, r,
          {fmt::format("{} NOT IN ({})", col("protocol"), Numbers(u.allow))}));
}

std::string Exfil(const AthenaTable& t, const DetectConfig& c,
                  const AthenaTimeRange& r, Columns& col) {
  const ExfilConfig& e = c.exfil;
  const std::vector<std::string> internal = Texts(c.internal);
  std::vector<std::string> where = {
      InBlocks(internal, col("srcaddr")),
      "NOT " + InBlocks(internal, col("dstaddr"))};
  if (!e.allow.empty()) {
    where.push_back("NOT " + InBlocks(Texts(e.allow), col("dstaddr")));
  }
  return fmt::format(
      "WITH pairs AS (\n  SELECT {0} AS \"window\", {1} AS src, {2} AS dst, "
      "sum({3}) AS bytes, count(*) AS flows\n  FROM {4}{5}\n  GROUP BY 1, 2, "
      "3\n),\n"
      "largest AS (\n  SELECT \"window\", src, max(bytes) AS bytes FROM pairs "
      "GROUP BY 1, 2\n),\n"
      "usual AS (\n  SELECT \"window\", src, max(bytes) OVER (PARTITION BY src "
      "ORDER BY \"window\" ROWS BETWEEN {6} PRECEDING AND 1 PRECEDING) AS "
      "usual\n  FROM largest\n)\n"
      "SELECT from_unixtime(p.\"window\") AS \"window\", p.src AS actor, p.dst "
      "AS remote, p.bytes, p.flows, u.usual\n"
      "FROM pairs p JOIN usual u ON p.\"window\" = u.\"window\" AND p.src = "
      "u.src\nWHERE p.bytes >= {7:.0f} AND p.bytes >= {8} * coalesce(u.usual, "
      "0)\nORDER BY 1, 2;\n",
      Window(e.window), col("srcaddr"), col("dstaddr"), col("bytes"), From(t),
      BaseWhere(t, r, where), e.history, e.min_bytes, e.ratio);
}

std::string Gap(const AthenaTable& t, const DetectConfig& c,
                const AthenaTimeRange& r, Columns& col) {
  const GapConfig& g = c.gap;
  const std::string eni = col("interface-id");
  return fmt::format(
      "WITH minutes AS (\n  SELECT DISTINCT {0} AS eni, {1} AS minute\n  FROM "
      "{2}{3}\n),\n"
      "runs AS (\n  SELECT eni, minute, lag(minute) OVER (PARTITION BY eni "
      "ORDER BY minute) AS previous\n  FROM minutes\n)\n"
      "SELECT 'Stealth:EC2/FlowLogsStopped' AS type, eni, "
      "from_unixtime(previous) AS \"from\",\n  from_unixtime(minute) AS "
      "\"until\", minute - previous - 60 AS seconds\nFROM runs\n"
      "WHERE minute - previous - 60 >= {4}\n"
      "UNION ALL\n"
      "SELECT 'Policy:EC2/FlowLogSkipData', {0}, "
      "from_unixtime(min(\"start\")), "
      "from_unixtime(max(\"end\")), count(*)\nFROM {2}{5}\n"
      "GROUP BY {0}, {6}\nORDER BY 3, 2;\n",
      eni, Window(60), From(t), BaseWhere(t, r, {}), g.silence,
      BaseWhere(t, r, {col("log-status") + " = 'SKIPDATA'"}), Window(g.window));
}

}  // namespace

Result<std::string> AthenaDetectSql(const AthenaTable& t,
                                    std::string_view detector,
                                    const DetectConfig& config,
                                    const AthenaTimeRange& r) {
  Columns col(t, detector);
  col("start");  // the windows' clock
  std::string sql;
  if (detector == "port-scan") {
    sql = PortScan(t, config, r, col);
  } else if (detector == "brute-force") {
    sql = BruteForce(t, config, r, col);
  } else if (detector == "port-probe") {
    sql = PortProbe(t, config, r, col);
  } else if (detector == "spike") {
    sql = Spike(t, config, r, col);
  } else if (detector == "blocklist") {
    AddressList list;
    for (const std::string& f : config.blocklist.files) {
      if (Status s = list.LoadFile(f); !s.ok()) return s;
    }
    list.Build();
    if (list.empty()) {
      return Status::InvalidArgument(
          "--detect blocklist: give the lists (blocklist.files in "
          "--detect-config)");
    }
    sql = Blocklist(t, config, r, col, list);
  } else if (detector == "unusual-protocol") {
    sql = UnusualProtocol(t, config, r, col);
  } else if (detector == "exfil") {
    sql = Exfil(t, config, r, col);
  } else if (detector == "gap") {
    sql = Gap(t, config, r, col);
  } else {
    std::string names;
    for (const std::string_view n : DetectorNames()) {
      names += (names.empty() ? "" : ", ") + std::string(n);
    }
    return Status::InvalidArgument(
        fmt::format("unknown detector '{}' (expected {})", detector, names));
  }
  if (Status s = col.status(); !s.ok()) return s;
  return sql;
}

}  // namespace flowmon
