// Where generated records go: plain text in any flow-log format, the S3
// layout AWS writes (.log.gz objects under AWSLogs/<account>/vpcflowlogs/
// <region>/YYYY/MM/DD/), or the JSON of `aws logs filter-log-events`.
#pragma once

#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "flowmon/core/schema.h"
#include "flowmon/core/status.h"
#include "flowmon/gen/traffic.h"

namespace flowmon::gen {

// Writes records in one format: each column the value of its field, "-"
// where the record has none (and for fields the model does not know). The
// version column holds the format's version: the highest version of its
// fields, as AWS writes it.
class RecordFormatter {
 public:
  RecordFormatter(const Schema& schema, const std::vector<GenHost>& hosts,
                  const GenConfig& config);
  // One line, without '\n'.
  void Append(const GenRecord& r, std::string* out) const;
  // "version account-id ...": the S3 objects' first line.
  std::string HeaderLine() const;

 private:
  // What each column holds; kNone writes "-".
  enum class Column : unsigned char {
    kNone,
    kVersion,
    kAccount,
    kInterface,
    kStart,
    kEnd,
    kLogStatus,
    kVpc,
    kSubnet,
    kInstance,
    kRegion,
    kAz,
    kResourceType,
    kTgw,
    kTgwAttachment,
    kPacketsLost,
    kSrcAddr,
    kDstAddr,
    kSrcPort,
    kDstPort,
    kProtocol,
    kPackets,
    kBytes,
    kAction,
    kTcpFlags,
    kType,
    kDirection,
    kTrafficPath
  };
  static Column CodeOf(std::string_view field);

  std::vector<const FlowField*> columns_;
  std::vector<Column> codes_;
  const std::vector<GenHost>* hosts_;
  std::string account_, region_;
  int version_ = 2;
};

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  // Errors are I/O errors (a full disk, a closed pipe).
  virtual Status Write(std::span<const GenRecord> records) = 0;
  virtual Status Finish() = 0;
};

// Lines to `out`, after the header line when `header`.
std::unique_ptr<RecordWriter> NewTextWriter(std::FILE* out,
                                            RecordFormatter formatter,
                                            bool header);
// One filter-log-events JSON document to `out`: {"events": [{logStreamName
// ("<eni>-all"), timestamp (the start, in ms), message, ingestionTime,
// eventId}, ...], "searchedLogStreams": [...]}.
std::unique_ptr<RecordWriter> NewCloudWatchWriter(
    std::FILE* out, RecordFormatter formatter,
    const std::vector<GenHost>& hosts);
// A gzip object per 5 minutes of records under `dir`, each behind the
// header line, named as AWS names them.
std::unique_ptr<RecordWriter> NewS3Writer(std::string dir,
                                          RecordFormatter formatter,
                                          const GenConfig& config);

}  // namespace flowmon::gen
