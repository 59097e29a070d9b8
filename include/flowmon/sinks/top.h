// TopSink: flows (records), packets and bytes per key — fields, CIDR
// buckets of addresses, time buckets — for `flowmon top`, as nfdump's
// statistics count them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "flowmon/core/key_table.h"
#include "flowmon/core/status.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon {

// One part of the key: a field, a field's CIDR bucket (srcaddr/24), or a
// time bucket of the record's time (5m, 1h).
struct TopKeyPart {
  enum class Kind { kField, kCidr, kTime };
  Kind kind = Kind::kField;
  std::string field;    // flow-log field name (kField, kCidr)
  int prefix = 0;       // kCidr: bits kept of an IPv4 address
  int prefix6 = 0;      // kCidr: bits kept of an IPv6 address
  int64_t seconds = 0;  // kTime: bucket width
  std::string label;    // column name: "srcaddr", "srcaddr/24", "5m"
  // kField, kCidr: a documented field or one of the --format. False for a
  // name only a header line may bring (a field newer than flowmon): the
  // caller must check that some input had it (TopSink::met).
  bool known = true;
  // A field is a documented one, one of `format` (--format may name fields
  // flowmon does not know), or any other field-shaped name that is not a
  // typo of a documented one (known = false).
  static Result<TopKeyPart> Parse(std::string_view text,
                                  const Schema& format = Schema::DefaultV2());
};

// A key field an input's format does not have (action in Transit Gateway
// flow logs): that input's records cannot be keyed.
struct TopMissingField {
  std::string field;
  std::string format;  // Schema::Name()
};

// "invalid --by 'TEXT': unknown field 'FIELD' (see 'flowmon fields')".
std::string UnknownByField(std::string_view text, std::string_view field);

struct TopRow {
  std::vector<std::string> key;
  uint64_t count = 0;  // flows: records
  double packets = 0;
  double bytes = 0;
};

// What rows rank by: flows (records), or the sum of packets or bytes.
enum class TopOrder { kFlows, kPackets, kBytes };
// The value `order` ranks by, of a row's (or the totals') flows, packets
// and bytes.
double OrderValue(TopOrder order, uint64_t flows, double packets, double bytes);

class TopSink : public RecordSink {
 public:
  TopSink(std::vector<TopKeyPart> parts, TopOrder order);

  std::unique_ptr<RecordSink> NewWorker() const override;
  // The key parts' fields (`start` for a time bucket) and the sum field.
  void AddNeededFields(FieldNeeds* needs) const override;
  bool OnRecord(const Record& rec, const RecordContext& ctx) override;
  void Absorb(RecordSink& worker) override;
  bool scans_ahead() const override { return true; }
  // Notes the key fields the input's format lacks (missing_fields()).
  void OnInput(const Schema& schema, std::string_view header) override;

  // The rows by descending order value, then key; at most `limit` (0:
  // all). When the key has a time bucket, the rows chosen so are returned
  // in time order. Totals cover every row.
  std::vector<TopRow> Top(size_t limit) const;
  // The key numbers of Top(limit)'s rows, in its order; ranking most
  // keys, with `threads` > 1 on two threads (SortedIndexes).
  std::vector<uint32_t> Ranked(size_t limit, unsigned threads) const;
  // Calls f(row) for each key of `ranked` in turn, with one row reused
  // (its strings keep their memory): a table of millions of keys is shown
  // without holding them all as rows.
  template <typename F>
  void ForEachRow(const std::vector<uint32_t>& ranked, F&& f) const {
    TopRow row;
    for (size_t i = 0; i < ranked.size(); ++i) {
      PrefetchRow(ranked, i);
      FillRow(ranked[i], &row);
      f(static_cast<const TopRow&>(row));
    }
  }
  uint64_t total_count() const { return total_count_; }
  double total_packets() const { return total_packets_; }
  double total_bytes() const { return total_bytes_; }
  // Records whose format has no packets (bytes) field: counted as flows,
  // not in the sums.
  uint64_t without_packets() const { return without_packets_; }
  uint64_t without_bytes() const { return without_bytes_; }
  // Records with no time for a time bucket.
  uint64_t unkeyed() const { return unkeyed_; }
  // Records whose format lacks a key field, and which fields of which
  // formats (each pair once, in the order met).
  uint64_t absent() const { return absent_; }
  const std::vector<TopMissingField>& missing_fields() const {
    return missing_;
  }
  // Whether some input's format had part i's field (main sink).
  bool met(size_t i) const { return met_[i]; }
  const std::vector<TopKeyPart>& parts() const { return parts_; }

 private:
  // The flows and sums of the key numbered alike in groups_.
  struct Totals {
    uint64_t count = 0;
    double packets = 0;
    double bytes = 0;
  };
  Totals& TotalsOf(std::string_view key);  // made when the key is new
  // Asks for the keys and totals ForEachRow reads after ranked[i].
  void PrefetchRow(const std::vector<uint32_t>& ranked, size_t i) const;
  // The row of the key numbered `index`.
  void FillRow(uint32_t index, TopRow* row) const;
  bool BuildKey(const Record& rec, const RecordContext& ctx);
  // Whether indexes_ were resolved for the record's schema. Keyed on
  // RecordContext::schema_id: the pipeline keeps every input's schema at
  // the same address, so the address alone cannot tell.
  bool SameSchema(const RecordContext& ctx) const;
  std::vector<TopKeyPart> parts_;
  TopOrder order_;
  KeyTable groups_;
  std::vector<Totals> totals_;
  std::string key_;  // scratch: parts joined by '\x1f'
  // The schema indexes_ and the sums' indexes were resolved for; the pointer is
  // only compared, never followed after the record that set it.
  bool cached_ = false;
  const Schema* cached_schema_ = nullptr;
  uint64_t cached_schema_id_ = 0;
  std::vector<int> indexes_;  // per part, the column in cached_schema_
  int packets_index_ = -1;
  int bytes_index_ = -1;
  uint64_t total_count_ = 0;
  double total_packets_ = 0;
  double total_bytes_ = 0;
  uint64_t without_packets_ = 0;
  uint64_t without_bytes_ = 0;
  uint64_t unkeyed_ = 0;  // records without a time for a time bucket
  uint64_t absent_ = 0;   // records whose format lacks a key field
  std::vector<TopMissingField> missing_;  // main sink only (OnInput)
  std::vector<bool> met_;                 // per part; main sink only
};

}  // namespace flowmon
