#include "flowmon/sinks/top.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>

#include "flowmon/core/header_words.h"
#include "flowmon/core/ip_address.h"
#include "flowmon/core/number.h"
#include "flowmon/core/record_time.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/sorted_indexes.h"
#include "flowmon/core/time_util.h"

namespace flowmon {
namespace {

constexpr char kSeparator = '\x1f';

// "10.0.1.25" with /24 -> "10.0.1.0/24"; IPv6 with its own length; "-"
// stays "-". No allocation once `out` has grown: it runs per record.
void AppendCidr(std::string_view addr, int prefix, int prefix6,
                std::string* out) {
  const std::optional<IpAddress> a = IpAddress::Parse(addr);
  if (!a) {
    out->append(addr);  // not an address: "-" and the like
    return;
  }
  IpNetwork::Containing(*a, a->bits() == 32 ? prefix : prefix6).AppendTo(out);
}

}  // namespace

std::string UnknownByField(std::string_view text, std::string_view field) {
  return fmt::format(
      "invalid --by '{}': unknown field '{}' (see 'flowmon fields')", text,
      field);
}

Result<TopKeyPart> TopKeyPart::Parse(std::string_view text,
                                     const Schema& format) {
  TopKeyPart p;
  p.label = std::string(text);
  // A time bucket: digits then s, m, h or d.
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
    Result<int64_t> d = ParseDuration(text);
    if (!d.ok() || *d <= 0) {
      return Status::InvalidArgument(fmt::format(
          "invalid --by '{}': a time bucket is a duration such as 5m or 1h",
          text));
    }
    p.kind = Kind::kTime;
    p.seconds = *d;
    return p;
  }
  const size_t slash = text.find('/');
  p.field = std::string(text.substr(0, slash));
  if (FindFlowField(p.field) == nullptr && format.IndexOf(p.field) < 0) {
    if (!IsFieldNameShaped(p.field) || IsTypoOfKnownField(p.field)) {
      return Status::InvalidArgument(UnknownByField(text, p.field));
    }
    p.known = false;
  }
  if (slash != std::string_view::npos) {
    // FIELD/N: IPv4 and IPv6 addresses keep N bits; FIELD/N/M: IPv4 keep N,
    // IPv6 M (nfdump's srcip4/24 and srcip6/64 in one key).
    const std::string_view masks = text.substr(slash + 1);
    const size_t second = masks.find('/');
    auto length = [](std::string_view digits) {
      return IsDecimalDigits(digits) && digits.size() <= 3
                 ? std::stoi(std::string(digits))
                 : -1;
    };
    const int v4 = length(masks.substr(0, second));
    const int v6 = second == std::string_view::npos
                       ? v4
                       : length(masks.substr(second + 1));
    if (v4 < 0 || v6 < 0) {
      return Status::InvalidArgument(fmt::format(
          "invalid --by '{}': expected a prefix length such as /24 (IPv4 "
          "and IPv6) or /24/64 (IPv4, then IPv6)",
          text));
    }
    if (v4 > 32 && second == std::string_view::npos && v4 <= 128) {
      return Status::InvalidArgument(fmt::format(
          "invalid --by '{}': an IPv4 prefix length is 0 to 32 (give an "
          "IPv6 one after it: {}/24/{})",
          text, p.field, v4));
    }
    if (v4 > 32 || v6 > 128) {
      return Status::InvalidArgument(fmt::format(
          "invalid --by '{}': a prefix length is 0 to 32 for IPv4, 0 to 128 "
          "for IPv6",
          text));
    }
    p.kind = Kind::kCidr;
    p.prefix = v4;
    p.prefix6 = v6;
  }
  return p;
}

double OrderValue(TopOrder order, uint64_t flows, double packets,
                  double bytes) {
  switch (order) {
    case TopOrder::kPackets:
      return packets;
    case TopOrder::kBytes:
      return bytes;
    case TopOrder::kFlows:
      break;
  }
  return static_cast<double>(flows);
}

TopSink::TopSink(std::vector<TopKeyPart> parts, TopOrder order)
    : parts_(std::move(parts)), order_(order), met_(parts_.size(), false) {}

void TopSink::AddNeededFields(FieldNeeds* needs) const {
  for (const TopKeyPart& p : parts_) {
    needs->Add(p.kind == TopKeyPart::Kind::kTime ? std::string("start")
                                                 : p.field);
  }
  // Every row shows flows, packets and bytes (the order only ranks them).
  needs->Add("packets");
  needs->Add("bytes");
}

std::unique_ptr<RecordSink> TopSink::NewWorker() const {
  return std::make_unique<TopSink>(parts_, order_);
}

void TopSink::OnInput(const Schema& schema, std::string_view /*header*/) {
  for (size_t i = 0; i < parts_.size(); ++i) {
    const TopKeyPart& p = parts_[i];
    if (p.kind == TopKeyPart::Kind::kTime) continue;
    if (schema.IndexOf(p.field) >= 0) {
      met_[i] = true;
      continue;
    }
    TopMissingField m{p.field, schema.Name()};
    const bool seen = std::any_of(
        missing_.begin(), missing_.end(), [&m](const TopMissingField& o) {
          return o.field == m.field && o.format == m.format;
        });
    if (!seen) missing_.push_back(std::move(m));
  }
}

bool TopSink::SameSchema(const RecordContext& ctx) const {
  return cached_ && ctx.schema_id == cached_schema_id_ &&
         ctx.schema == cached_schema_;
}

bool TopSink::BuildKey(const Record& rec, const RecordContext& ctx) {
  if (!SameSchema(ctx)) {
    // Another input or header line: the fields may sit elsewhere.
    cached_ = true;
    cached_schema_ = ctx.schema;
    cached_schema_id_ = ctx.schema_id;
    indexes_.clear();
    for (const TopKeyPart& p : parts_) {
      indexes_.push_back(p.kind == TopKeyPart::Kind::kTime
                             ? ctx.schema->start_index()
                             : ctx.schema->IndexOf(p.field));
    }
    packets_index_ = ctx.schema->IndexOf("packets");
    bytes_index_ = ctx.schema->IndexOf("bytes");
  }
  key_.clear();
  for (size_t i = 0; i < parts_.size(); ++i) {
    if (i > 0) key_.push_back(kSeparator);
    const TopKeyPart& p = parts_[i];
    if (p.kind == TopKeyPart::Kind::kTime) {
      const std::optional<int64_t> ms = RecordTimeMs(
          rec.timestamp_ms, indexes_[i] >= 0
                                ? rec.fields[static_cast<size_t>(indexes_[i])]
                                : std::string_view());
      if (!ms) {
        ++unkeyed_;
        return false;
      }
      int64_t t = FloorSeconds(*ms);
      t -= ((t % p.seconds) + p.seconds) % p.seconds;
      // Epoch seconds in the key (no string per record); Top() writes ISO.
      fmt::format_to(std::back_inserter(key_), "{}", t);
      continue;
    }
    if (indexes_[i] < 0) {
      ++absent_;
      return false;
    }
    const std::string_view v = rec.fields[static_cast<size_t>(indexes_[i])];
    if (p.kind == TopKeyPart::Kind::kCidr) {
      AppendCidr(v, p.prefix, p.prefix6, &key_);
    } else {
      key_.append(v);
    }
  }
  return true;
}

TopSink::Totals& TopSink::TotalsOf(std::string_view key) {
  bool inserted;
  const uint32_t i = groups_.Insert(key, &inserted);
  if (inserted) totals_.emplace_back();
  return totals_[i];
}

bool TopSink::OnRecord(const Record& rec, const RecordContext& ctx) {
  std::string_view key;
  if (parts_.size() == 1 && parts_[0].kind == TopKeyPart::Kind::kField &&
      SameSchema(ctx) && indexes_[0] >= 0) {
    // One plain field, the common case: the field is the key, no copy.
    key = rec.fields[static_cast<size_t>(indexes_[0])];
  } else if (BuildKey(rec, ctx)) {
    key = key_;
  } else {
    return true;  // BuildKey counted it: absent_ or unkeyed_
  }
  // "-" (NODATA, SKIPDATA) adds nothing, as in CloudWatch's sums.
  double packets = 0, bytes = 0;
  if (packets_index_ >= 0) {
    ParseNumber(rec.fields[static_cast<size_t>(packets_index_)], &packets);
  } else {
    ++without_packets_;
  }
  if (bytes_index_ >= 0) {
    ParseNumber(rec.fields[static_cast<size_t>(bytes_index_)], &bytes);
  } else {
    ++without_bytes_;
  }
  Totals& t = TotalsOf(key);
  ++t.count;
  t.packets += packets;
  t.bytes += bytes;
  ++total_count_;
  total_packets_ += packets;
  total_bytes_ += bytes;
  return true;
}

void TopSink::Absorb(RecordSink& worker_sink) {
  auto& w = static_cast<TopSink&>(worker_sink);
  // With millions of keys each lookup here is a cache miss: the slots are
  // asked for kAhead keys ahead, so that the misses overlap (as
  // StatsGroups::Absorb does).
  constexpr uint32_t kAhead = 8;
  KeyTable::Probe probes[kAhead];
  const uint32_t size = static_cast<uint32_t>(w.groups_.size());
  auto ask = [&](uint32_t i) {
    probes[i % kAhead] = KeyTable::ProbeOf(w.groups_.Key(i));
    groups_.Prefetch(probes[i % kAhead]);
  };
  for (uint32_t i = 0; i < std::min(kAhead, size); ++i) ask(i);
  for (uint32_t i = 0; i < size; ++i) {
    bool inserted;
    const uint32_t g =
        groups_.Insert(w.groups_.Key(i), probes[i % kAhead], &inserted);
    if (i + kAhead < size) ask(i + kAhead);
    if (inserted) totals_.emplace_back();
    Totals& mine = totals_[g];
    mine.count += w.totals_[i].count;
    mine.packets += w.totals_[i].packets;
    mine.bytes += w.totals_[i].bytes;
  }
  total_count_ += w.total_count_;
  total_packets_ += w.total_packets_;
  total_bytes_ += w.total_bytes_;
  without_packets_ += w.without_packets_;
  without_bytes_ += w.without_bytes_;
  unkeyed_ += w.unkeyed_;
  absent_ += w.absent_;
  w.groups_.Clear();
  w.totals_.clear();
  w.total_count_ = 0;
  w.total_packets_ = 0;
  w.total_bytes_ = 0;
  w.without_packets_ = 0;
  w.without_bytes_ = 0;
  w.unkeyed_ = 0;
  w.absent_ = 0;
}

std::vector<uint32_t> TopSink::Ranked(size_t limit, unsigned threads) const {
  // The value each key ranks by and its first bytes, beside its number:
  // the sort reads no totals, and a key in the arena only when both tie
  // (with millions of keys, each such read is a cache miss). Made in key
  // order, which is the arena's.
  struct Entry {
    double value;
    uint64_t word;  // KeyTable::OrderWord(key, 0)
    uint32_t index;
  };
  std::vector<Entry> all;
  all.reserve(groups_.size());
  for (uint32_t i = 0; i < groups_.size(); ++i) {
    const Totals& t = totals_[i];
    all.push_back({OrderValue(order_, t.count, t.packets, t.bytes),
                   KeyTable::OrderWord(groups_.Key(i), 0), i});
  }
  auto better = [this](const Entry& a, const Entry& b) {
    if (a.value != b.value) return a.value > b.value;
    if (a.word != b.word) return a.word < b.word;
    return groups_.Key(a.index) < groups_.Key(b.index);
  };
  // Keys are distinct, so the order is total and either sort gives the
  // same rows; a partial sort (a heap) of most of the keys costs several
  // times a whole sort.
  const size_t n = limit == 0 ? all.size() : std::min(limit, all.size());
  std::vector<uint32_t> ranked;
  if (n * 4 >= all.size()) {
    ranked = SortedIndexes(
        all, better, [](const Entry& e) { return e.index; }, threads);
    ranked.resize(n);
  } else {
    std::partial_sort(all.begin(), all.begin() + static_cast<ptrdiff_t>(n),
                      all.end(), better);
    ranked.reserve(n);
    for (size_t i = 0; i < n; ++i) ranked.push_back(all[i].index);
  }
  std::vector<Entry>().swap(all);  // before the rows are made
  // nfdump prints time slots in time order: the top rows are chosen by
  // value, then shown by their time buckets (ISO-8601 sorts as time).
  std::vector<size_t> time_parts;
  for (size_t i = 0; i < parts_.size(); ++i)
    if (parts_[i].kind == TopKeyPart::Kind::kTime) time_parts.push_back(i);
  if (!time_parts.empty()) {
    std::vector<std::vector<std::string>> times(n);
    size_t at = 0;
    ForEachRow(ranked, [&](const TopRow& row) {
      for (size_t i : time_parts) times[at].push_back(row.key[i]);
      ++at;
    });
    std::vector<uint32_t> order(n);
    for (uint32_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return times[a] < times[b];
    });
    std::vector<uint32_t> by_time;
    by_time.reserve(n);
    for (uint32_t i : order) by_time.push_back(ranked[i]);
    ranked = std::move(by_time);
  }
  return ranked;
}

void TopSink::PrefetchRow(const std::vector<uint32_t>& ranked, size_t i) const {
  // The keys and totals are read in rank order, all over the arena and
  // totals_: each key's span, then its bytes and totals, are asked for
  // ahead.
  constexpr size_t kAhead = 8;
  if (i + 2 * kAhead < ranked.size())
    groups_.PrefetchSpan(ranked[i + 2 * kAhead]);
  if (i + kAhead < ranked.size()) {
    groups_.PrefetchKey(ranked[i + kAhead]);
    __builtin_prefetch(totals_.data() + ranked[i + kAhead]);
  }
}

void TopSink::FillRow(uint32_t index, TopRow* row) const {
  row->key.resize(parts_.size());
  const std::string_view key = groups_.Key(index);
  size_t pos = 0;
  for (size_t i = 0; i < parts_.size(); ++i) {
    // The parts were joined by kSeparator, which no record's field holds
    // (the pipeline refuses the byte as binary).
    const size_t sep = key.find(kSeparator, pos);
    const std::string_view part =
        key.substr(pos, sep == std::string_view::npos ? key.npos : sep - pos);
    if (parts_[i].kind == TopKeyPart::Kind::kTime) {
      int64_t t = 0;
      std::from_chars(part.data(), part.data() + part.size(), t);
      row->key[i] = FormatIso8601(t);
    } else {
      row->key[i].assign(part);
    }
    pos = sep == std::string_view::npos ? key.size() : sep + 1;
  }
  const Totals& t = totals_[index];
  row->count = t.count;
  row->packets = t.packets;
  row->bytes = t.bytes;
}

std::vector<TopRow> TopSink::Top(size_t limit) const {
  const std::vector<uint32_t> ranked = Ranked(limit, 1);
  std::vector<TopRow> rows;
  rows.reserve(ranked.size());
  ForEachRow(ranked, [&rows](const TopRow& row) { rows.push_back(row); });
  return rows;
}

}  // namespace flowmon
