// Printer: the `filter` sink. Writes selected records as text (unchanged),
// JSON, NDJSON, CSV or TSV, or only counts them.
//
// Inputs with different formats (S3 objects whose header lines order or
// choose the fields differently): text repeats each input's header line
// before its first record; JSON names every field of every record; CSV and
// TSV have one header row, the first input's fields, and put each record's
// fields under those columns by name (a column an input lacks is empty; a
// field the first input lacks is not written).
#pragma once

#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/pattern/pattern.h"
#include "flowmon/pipeline/sink.h"

namespace flowmon {

enum class OutputFormat { kText, kJson, kNdjson, kCsv, kTsv };

// "text", "json", "ndjson", "csv" or "tsv".
Result<OutputFormat> ParseOutputFormat(std::string_view name);

struct PrinterOptions {
  OutputFormat format = OutputFormat::kText;
  bool count_only = false;   // print the number of records only
  uint64_t limit = 0;        // stop after this many records (0: all)
  bool print_header = true;  // text: repeat an input's S3 header line
  // The output is a terminal: terminal controls in the records (C1
  // controls, bytes that are not UTF-8) are written as \xNN
  // (core/terminal_text.h). Files and pipes get the bytes as they are.
  bool escape_controls = false;
  // Names the fields of raw (non flow-log) input in structured formats.
  // Not owned: must outlive the sink and its workers.
  const CompiledPattern* pattern = nullptr;
};

class PrinterSink : public RecordSink {
 public:
  // Writes to `out` (not owned; nullptr for worker sinks).
  PrinterSink(PrinterOptions options, std::FILE* out);

  std::unique_ptr<RecordSink> NewWorker() const override;
  // Counting reads no field; printing reads them all.
  void AddNeededFields(FieldNeeds* needs) const override;
  bool OnRecord(const Record& rec, const RecordContext& ctx) override;
  void Absorb(RecordSink& worker) override;
  // A count needs no fields.
  bool wants_fields() const override { return !options_.count_only; }
  bool holds_output() const override { return !options_.count_only; }
  // A count comes out the same whenever a worker scanned; one with a limit
  // stops the scan.
  bool scans_ahead() const override {
    return options_.count_only && options_.limit == 0;
  }
  void OnInput(const Schema& schema, std::string_view header) override;
  void OnLiveChunkEnd() override { Flush(); }
  Status Finish() override;

  uint64_t count() const { return count_; }

 private:
  void FormatRecord(const Record& rec, const RecordContext& ctx);
  void BeginJsonRecord();
  void WriteRaw(std::string_view bytes);
  // Writes `bytes` to out_, escaped if options_.escape_controls.
  void Write(std::string_view bytes);
  void Flush();

  PrinterOptions options_;
  std::FILE* out_;
  fmt::memory_buffer buffer_;
  fmt::memory_buffer escaped_;  // escape_controls: what Write() writes
  uint64_t count_ = 0;
  bool json_open_ = false;  // '[' written
  bool csv_header_done_ = false;
  size_t header_end_ = 0;       // csv/tsv: where the header row ends
  std::string pending_header_;  // text: S3 header to print before a record
  std::string last_header_;
  // csv/tsv of flow-log records: the columns (the first input's field
  // names, from OnInput; views of the static field catalogue), and for the
  // schema of the last record, the field index of each column or -1. The
  // schema pointer is only compared, never followed after its record.
  std::vector<std::string_view> csv_columns_;
  std::vector<int> csv_map_;
  bool csv_map_valid_ = false;
  const Schema* csv_map_schema_ = nullptr;
  uint64_t csv_map_schema_id_ = 0;
};

}  // namespace flowmon
