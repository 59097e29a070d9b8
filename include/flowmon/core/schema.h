// Flow-log field catalogue and Schema: which field sits at which position in
// a record, from a default format (VPC v2, Transit Gateway), an S3 header
// line or --format.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"

namespace flowmon {

enum class FieldType : unsigned char { kString, kInt };

// Which flow logs write a field: a bitmask of these.
inline constexpr unsigned char kVpcFlowLogs = 1;  // VPC Flow Logs
inline constexpr unsigned char kTgwFlowLogs = 2;  // Transit Gateway Flow Logs

// One field of AWS's "Available fields" tables for VPC and Transit Gateway
// flow log records, or a field flowmon does not know (version 0).
struct FlowField {
  std::string_view name;         // as in ${name} and the S3 header line
  int version;                   // flow-log version that introduced it
  FieldType type;                // kInt: decimal integer or "-"
  std::string_view description;  // what it means
  std::string_view insights;     // its Logs Insights name (srcAddr)
  unsigned char logs;            // kVpcFlowLogs | kTgwFlowLogs; 0: unknown
};

// Every documented field: the VPC table's order, then the fields only
// Transit Gateway flow logs have, in their table's order.
std::span<const FlowField> AllFlowFields();

// The Transit Gateway default format's field names, in record order.
std::span<const std::string_view> TgwDefaultFieldNames();

// The documented field called `name`, or nullptr.
const FlowField* FindFlowField(std::string_view name);

// True when `name` is one edit (an insertion, deletion, substitution or
// swap of neighbours) away from a documented field's name: a typo of it,
// when a user typed it, rather than a field newer than flowmon.
bool IsTypoOfKnownField(std::string_view name);

// True for a field that is not in the catalogue: a name flowmon met in a
// header line or --format (a field newer than this flowmon).
inline bool IsUnknownField(const FlowField& f) { return f.version == 0; }

// The field called `name`: the documented one, or, for a name flowmon does
// not know that has a field name's shape (core/header_words.h), a string
// field made for it. That field is the same object for the same name and
// lives as long as the process; the first time it is made, the listener
// (SetUnknownFieldListener) hears of it. nullptr for any other name, and
// once a few thousand unknown names were made (a runaway input).
// Thread-safe.
const FlowField* FieldNamed(std::string_view name);

// `listener` is called once per process for each unknown field FieldNamed
// makes, on the thread that made it (the CLI logs a warning). Set it
// before any input is read; an empty function removes it.
void SetUnknownFieldListener(std::function<void(const FlowField&)> listener);

// The names and order of the fields of a record. A Schema is either a
// flow-log format (each column a FlowField) or "raw" (any space-delimited
// text: no field count is enforced and columns are unnamed).
class Schema {
 public:
  // The VPC default format: the 14 version-2 fields in table order.
  static Schema DefaultV2();
  // The Transit Gateway default format: all of its fields, versions 2 to
  // 6, in the order of its table.
  static Schema DefaultTgw();
  // Any space-delimited lines; nothing is validated.
  static Schema Raw();
  // From --format '${version} ${srcaddr} ...'. A name flowmon does not know
  // is a string field (FieldNamed), unless it is one edit away from a
  // known name (a typo). Errors name the column.
  static Result<Schema> FromFormat(std::string_view format);
  // What --format takes: "v2" (or "default", or empty), "tgw", "raw" or a
  // format string.
  static Result<Schema> FromFormatOption(std::string_view text);
  // From an S3 header line ("version account-id interface-id ..."), or
  // nullopt when the line is not a header (AreHeaderWords). Names flowmon
  // does not know become string fields (FieldNamed).
  static std::optional<Schema> FromHeaderLine(std::string_view line);

  bool raw() const { return raw_; }
  size_t size() const { return columns_.size(); }
  const FlowField& column(size_t i) const { return *columns_[i]; }
  // Column index of the field called `name`, or -1.
  int IndexOf(std::string_view name) const;
  // Column of `start` (the record's time), or -1.
  int start_index() const { return start_index_; }
  // "${version} ${account-id} ..." for messages and docs.
  std::string FormatString() const;
  // The format for messages: "v2", "tgw", "raw", or its format string.
  std::string Name() const;
  bool operator==(const Schema& other) const {
    return raw_ == other.raw_ && columns_ == other.columns_;
  }

 private:
  explicit Schema(std::vector<const FlowField*> columns, bool raw);
  std::vector<const FlowField*> columns_;
  bool raw_ = false;
  int start_index_ = -1;
};

}  // namespace flowmon
