#include "flowmon/sinks/printer.h"

#include "flowmon/core/csv_writer.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/number.h"
#include "flowmon/core/output.h"
#include "flowmon/core/terminal_text.h"
#include "pattern/json_event.h"

namespace flowmon {
namespace {

constexpr size_t kFlushBytes = 64 << 10;

// Calls f(name, value, is_int) for each output column of `rec`: the
// format's field names for flow logs, else the pattern's names ("$N" for
// unnamed positions). A record the pattern's slots do not fit (one that
// --invert selects) has no slot names: its fields go by position, so that
// nothing past rec.size (the previous record's views) is read.
template <typename F>
void ForEachColumn(const Record& rec, const RecordContext& ctx,
                   const CompiledPattern* pattern, F&& f) {
  const Schema& schema = *ctx.schema;
  if (!schema.raw()) {
    for (size_t i = 0; i < rec.size; ++i) {
      const FlowField& field = schema.column(i);
      f(field.name, rec.fields[i], field.type == FieldType::kInt);
    }
    return;
  }
  if (pattern != nullptr && !pattern->slots().empty() &&
      pattern->FitsFieldCount(rec.size)) {
    pattern->ForEachExtracted(
        rec, [&](std::string_view name, std::string_view value) {
          if (name.size() > 1 && !(name[1] >= '0' && name[1] <= '9')) {
            name.remove_prefix(1);  // "$srcaddr" -> "srcaddr"
          }
          f(name, value, IsJsonNumber(value));
        });
    return;
  }
  char name[24];
  for (size_t i = 0; i < rec.size; ++i) {
    const auto r = fmt::format_to_n(name, sizeof name, "${}", i + 1);
    f(std::string_view(name, r.size), rec.fields[i],
      IsJsonNumber(rec.fields[i]));
  }
}

// Appends `event` minified when it is a JSON object or array; false,
// appending nothing, when it is not valid JSON.
bool AppendJsonEvent(fmt::memory_buffer* out, std::string_view event) {
  simdjson::dom::element root;
  if (!ParseJsonEvent(event, &root)) return false;
  const size_t at = out->size();
  out->resize(at + event.size());
  size_t n = 0;
  if (simdjson::minify(event.data(), event.size(), out->data() + at, n) !=
      simdjson::SUCCESS) {
    out->resize(at);
    return false;
  }
  out->resize(at + n);
  return true;
}

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "ndjson") return OutputFormat::kNdjson;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "tsv") return OutputFormat::kTsv;
  return Status::InvalidArgument(fmt::format(
      "unknown output format '{}' (expected text, json, ndjson, csv or tsv)",
      name));
}

PrinterSink::PrinterSink(PrinterOptions options, std::FILE* out)
    : options_(options), out_(out) {}

std::unique_ptr<RecordSink> PrinterSink::NewWorker() const {
  auto w = std::make_unique<PrinterSink>(options_, nullptr);
  w->csv_columns_ = csv_columns_;
  return w;
}

void PrinterSink::AddNeededFields(FieldNeeds* needs) const {
  if (!options_.count_only) needs->SetAll();
}

void PrinterSink::OnInput(const Schema& schema, std::string_view header) {
  if ((options_.format == OutputFormat::kCsv ||
       options_.format == OutputFormat::kTsv) &&
      csv_columns_.empty() && !schema.raw()) {
    // The columns of the whole output: the first input's fields.
    for (size_t i = 0; i < schema.size(); ++i) {
      csv_columns_.push_back(schema.column(i).name);
    }
  }
  if (options_.format != OutputFormat::kText || !options_.print_header ||
      header.empty() || header == last_header_) {
    return;
  }
  pending_header_ = std::string(header);
}

void PrinterSink::BeginJsonRecord() {
  // Workers cannot know whether a record is the first of the output, so
  // every record starts with ",\n" and the first one loses its comma.
  if (out_ != nullptr && !json_open_) {
    buffer_.append(std::string_view("[\n"));
    json_open_ = true;
  } else {
    buffer_.append(std::string_view(",\n"));
  }
}

void PrinterSink::FormatRecord(const Record& rec, const RecordContext& ctx) {
  auto& out = buffer_;
  switch (options_.format) {
    case OutputFormat::kText:
      out.append(rec.line);
      out.push_back('\n');
      return;
    case OutputFormat::kJson:
    case OutputFormat::kNdjson: {
      if (options_.format == OutputFormat::kJson) BeginJsonRecord();
      // An event that is JSON itself (input read without a flow-log
      // format) is written as it is, not split into fields.
      if (ctx.schema->raw() && AppendJsonEvent(&out, rec.line)) {
        if (options_.format == OutputFormat::kNdjson) out.push_back('\n');
        return;
      }
      out.push_back('{');
      bool first = true;
      ForEachColumn(
          rec, ctx, options_.pattern,
          [&](std::string_view name, std::string_view value, bool is_int) {
            if (!first) out.push_back(',');
            first = false;
            AppendJsonString(&out, name);
            out.push_back(':');
            if (IsMissing(value)) {
              out.append(std::string_view("null"));
            } else if (is_int && IsDecimalDigits(value)) {
              // JSON numbers have no leading zeros ("0022" is 22).
              while (value.size() > 1 && value.front() == '0') {
                value.remove_prefix(1);
              }
              out.append(value);
            } else if (is_int && IsJsonNumber(value)) {
              out.append(value);
            } else {
              AppendJsonString(&out, value);
            }
          });
      out.push_back('}');
      if (options_.format == OutputFormat::kNdjson) out.push_back('\n');
      return;
    }
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      const char sep = options_.format == OutputFormat::kCsv ? ',' : '\t';
      auto cell = [&](std::string_view v) { AppendCsvField(&out, v, sep); };
      if (!csv_columns_.empty() && !ctx.schema->raw()) {
        // Flow-log records: the first input's columns, each record's fields
        // put under them by name.
        if (!csv_header_done_) {
          // Workers write the header too; Absorb keeps only the first.
          csv_header_done_ = true;
          for (size_t i = 0; i < csv_columns_.size(); ++i) {
            if (i > 0) out.push_back(sep);
            cell(csv_columns_[i]);
          }
          out.push_back('\n');
          header_end_ = out.size();
        }
        if (!csv_map_valid_ || ctx.schema_id != csv_map_schema_id_ ||
            ctx.schema != csv_map_schema_) {
          csv_map_valid_ = true;
          csv_map_schema_ = ctx.schema;
          csv_map_schema_id_ = ctx.schema_id;
          csv_map_.clear();
          for (std::string_view name : csv_columns_) {
            csv_map_.push_back(ctx.schema->IndexOf(name));
          }
        }
        for (size_t i = 0; i < csv_map_.size(); ++i) {
          if (i > 0) out.push_back(sep);
          const int k = csv_map_[i];
          if (k >= 0 && static_cast<size_t>(k) < rec.size &&
              !IsMissing(rec.fields[static_cast<size_t>(k)])) {
            cell(rec.fields[static_cast<size_t>(k)]);
          }
        }
        out.push_back('\n');
        return;
      }
      if (!csv_header_done_) {
        // Workers write the header too; Absorb keeps only the first.
        csv_header_done_ = true;
        bool first = true;
        ForEachColumn(rec, ctx, options_.pattern,
                      [&](std::string_view name, std::string_view, bool) {
                        if (!first) out.push_back(sep);
                        first = false;
                        cell(name);
                      });
        out.push_back('\n');
        header_end_ = out.size();
      }
      bool first = true;
      ForEachColumn(rec, ctx, options_.pattern,
                    [&](std::string_view, std::string_view value, bool) {
                      if (!first) out.push_back(sep);
                      first = false;
                      if (!IsMissing(value)) cell(value);
                    });
      out.push_back('\n');
      return;
    }
  }
}

bool PrinterSink::OnRecord(const Record& rec, const RecordContext& ctx) {
  ++count_;
  if (!options_.count_only) {
    if (!pending_header_.empty()) {
      buffer_.append(pending_header_);
      buffer_.push_back('\n');
      last_header_ = std::move(pending_header_);
      pending_header_.clear();
    }
    FormatRecord(rec, ctx);
    if (out_ != nullptr && buffer_.size() >= kFlushBytes) Flush();
  }
  return options_.limit == 0 || count_ < options_.limit;
}

void PrinterSink::Absorb(RecordSink& worker_sink) {
  auto& worker = static_cast<PrinterSink&>(worker_sink);
  count_ += worker.count_;
  std::string_view bytes(worker.buffer_.data(), worker.buffer_.size());
  if (!bytes.empty()) {
    if (!pending_header_.empty()) {
      buffer_.append(pending_header_);
      buffer_.push_back('\n');
      last_header_ = std::move(pending_header_);
      pending_header_.clear();
    }
    if (options_.format == OutputFormat::kJson && !json_open_) {
      buffer_.append(std::string_view("[\n"));
      bytes.remove_prefix(2);  // the first record's ",\n"
      json_open_ = true;
    }
    if ((options_.format == OutputFormat::kCsv ||
         options_.format == OutputFormat::kTsv)) {
      if (csv_header_done_) {
        bytes.remove_prefix(worker.header_end_);
      } else {
        csv_header_done_ = true;
      }
    }
    WriteRaw(bytes);
  }
  worker.count_ = 0;
  worker.buffer_.clear();
  worker.csv_header_done_ = false;
  worker.header_end_ = 0;
}

void PrinterSink::WriteRaw(std::string_view bytes) {
  if (buffer_.size() + bytes.size() < kFlushBytes) {
    buffer_.append(bytes);
    return;
  }
  Flush();
  Write(bytes);
}

void PrinterSink::Write(std::string_view bytes) {
  if (options_.escape_controls) {
    escaped_.clear();
    AppendTerminalSafe(&escaped_, bytes);
    bytes = std::string_view(escaped_.data(), escaped_.size());
  }
  WriteOutput(out_, bytes);
}

void PrinterSink::Flush() {
  if (out_ == nullptr) return;
  if (buffer_.size() > 0) {
    Write(std::string_view(buffer_.data(), buffer_.size()));
    buffer_.clear();
  }
  FlushOutput(out_);
}

Status PrinterSink::Finish() {
  if (options_.count_only) {
    fmt::format_to(std::back_inserter(buffer_), "{}\n", count_);
  } else if (options_.format == OutputFormat::kJson) {
    buffer_.append(json_open_ ? std::string_view("\n]\n")
                              : std::string_view("[]\n"));
  }
  if (out_ == nullptr) return Status::Ok();
  if (buffer_.size() > 0) {
    Write(std::string_view(buffer_.data(), buffer_.size()));
    buffer_.clear();
  }
  return FinishOutput(out_, "stdout");
}

}  // namespace flowmon
