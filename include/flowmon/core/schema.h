// Flow-log field catalogue and Schema: which field sits at which position in
// a record, from the default v2 format, an S3 header line or --format.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"

namespace flowmon {

enum class FieldType : unsigned char { kString, kInt };

// One field of the AWS "Available fields" table for VPC flow log records.
struct FlowField {
  std::string_view name;         // as in ${name} and the S3 header line
  int version;                   // flow-log version that introduced it
  FieldType type;                // kInt: decimal integer or "-"
  std::string_view description;  // what it means
};

// Every documented flow-log field, in the order of the AWS table.
std::span<const FlowField> AllFlowFields();

// The field called `name`, or nullptr.
const FlowField* FindFlowField(std::string_view name);

// The names and order of the fields of a record. A Schema is either a
// flow-log format (each column a known FlowField) or "raw" (any
// space-delimited text: no field count is enforced and columns are unnamed).
class Schema {
 public:
  // The default format: the 14 version-2 fields in table order.
  static Schema DefaultV2();
  // Any space-delimited lines; nothing is validated.
  static Schema Raw();
  // From --format '${version} ${srcaddr} ...'. Errors name the column.
  static Result<Schema> FromFormat(std::string_view format);
  // From an S3 header line ("version account-id interface-id ..."), or
  // nullopt when the line is not a header (some word is not a field name).
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
