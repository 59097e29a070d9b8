#include "flowmon/pipeline/diagnostics.h"

#include <fmt/format.h>

#include <algorithm>

#include "flowmon/core/record_time.h"
#include "flowmon/core/schema.h"
#include "flowmon/core/terminal_text.h"

namespace flowmon {
namespace {

constexpr size_t kExcerptColumns = 72;

// The line as a report shows it: cut at kExcerptColumns, terminal
// controls as '.', so that a report never writes them to a terminal.
std::string ExcerptText(const BadLine& bad) {
  std::string text = bad.excerpt.substr(0, kExcerptColumns);
  ReplaceTerminalControls(&text, '.');
  if (bad.excerpt_from > 0) text.insert(0, "...");
  if (bad.excerpt.size() > kExcerptColumns) text += "...";
  return text;
}

}  // namespace

void BadLineLog::Add(uint64_t line_no, std::string_view line, LineError e,
                     size_t column, size_t expected, size_t got,
                     std::string_view field) {
  ++counts[static_cast<size_t>(e)];
  if (e == LineError::kFieldCount) {
    fewest_fields = std::min(fewest_fields, got);
    most_fields = std::max(most_fields, got);
  }
  if (kept.size() >= keep) return;
  BadLine bad;
  bad.line_no = line_no;
  bad.error = e;
  bad.column = column;
  bad.expected = expected;
  bad.got = got;
  bad.field = std::string(field);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (e == LineError::kBadValue && column + 16 > kExcerptColumns) {
    bad.excerpt_from = column - kExcerptColumns / 2;
  }
  bad.excerpt.assign(line.substr(bad.excerpt_from, kExcerptColumns + 1));
  kept.push_back(std::move(bad));
}

void BadLineLog::Clear() {
  counts.fill(0);
  kept.clear();
  fewest_fields = SIZE_MAX;
  most_fields = 0;
}

Diagnostics::Diagnostics(size_t max_report, Emit emit)
    : max_report_(max_report), emit_(std::move(emit)) {}

void Diagnostics::BeginSource(std::string_view name) {
  source_ = std::string(name);
  source_counts_.fill(0);
  source_records_ = 0;
  origin_ = FormatOrigin::kDefault;
  format_fields_ = 0;
  has_format_ = false;
  formats_differ_ = false;
  fewest_fields_ = SIZE_MAX;
  most_fields_ = 0;
  settled_ = false;
  nothing_fit_ = false;
  held_.clear();
  first_misfit_.clear();
}

void Diagnostics::SetFormat(FormatOrigin origin, size_t fields) {
  // A later header line: lines before it were checked against another
  // format.
  if (has_format_ && (origin != origin_ || fields != format_fields_)) {
    formats_differ_ = true;
  }
  has_format_ = true;
  origin_ = origin;
  format_fields_ = fields;
}

std::string Diagnostics::Describe(const BadLine& bad) {
  switch (bad.error) {
    case LineError::kFieldCount:
      return fmt::format("expected {} fields, got {}", bad.expected, bad.got);
    case LineError::kTooManyFields:
      return fmt::format("more than {} fields", kMaxFields);
    case LineError::kBinary: {
      const unsigned char c =
          bad.column < bad.excerpt.size()
              ? static_cast<unsigned char>(bad.excerpt[bad.column])
              : 0;
      return bad.column < bad.excerpt.size()
                 ? fmt::format("binary data (byte 0x{:02x})", c)
                 : std::string("binary data");
    }
    case LineError::kTooLong:
      return fmt::format("line longer than {} bytes", kMaxLineBytes);
    case LineError::kBadValue: {
      const size_t at = bad.column - std::min(bad.column, bad.excerpt_from);
      std::string_view value = at < bad.excerpt.size()
                                   ? std::string_view(bad.excerpt).substr(at)
                                   : std::string_view();
      value = value.substr(0, value.find(' '));
      if (bad.field == "start" && StartOutOfRange(value)) {
        return "bad value for start: not a time from 1970 to "
               "9999-12-31T23:59:59Z";
      }
      return fmt::format("bad value for {}: not an integer or -", bad.field);
    }
    case LineError::kUnreadableHeader:
      return "a header line whose format cannot be read: it names more "
             "fields flowmon does not know than one run keeps (4096), so the "
             "lines after it are read in the format before it";
    case LineError::kOk:
    case LineError::kBlank:
      break;
  }
  return "malformed line";
}

void Diagnostics::Report(const BadLine& bad) {
  std::string message = fmt::format("{}:{}: {}\n  {}", source_, bad.line_no,
                                    Describe(bad), ExcerptText(bad));
  const size_t caret = bad.column - bad.excerpt_from;
  if (caret <= kExcerptColumns) {
    const size_t pad = caret + (bad.excerpt_from > 0 ? 3 : 0);  // "..."
    message += fmt::format("\n  {}^", std::string(pad, ' '));
  }
  emit_(false, message);
}

void Diagnostics::Merge(const BadLineLog& log, uint64_t records) {
  source_records_ += records;
  if (records > 0) Settle();
  for (const BadLine& bad : log.kept) {
    const bool misfit = bad.error == LineError::kFieldCount;
    if (misfit && first_misfit_.empty()) {
      first_misfit_ = fmt::format("{}: {}", bad.line_no, ExcerptText(bad));
    }
    if (misfit && nothing_fit_) continue;  // the input's error explains it
    if (reported_ < max_report_) {
      if (settled_) {
        Report(bad);
      } else {
        held_.push_back(bad);
      }
    }
    ++reported_;
  }
  for (size_t i = 0; i < kLineErrorKinds; ++i) {
    source_counts_[i] += log.counts[i];
    malformed_ += log.counts[i];
  }
  fewest_fields_ = std::min(fewest_fields_, log.fewest_fields);
  most_fields_ = std::max(most_fields_, log.most_fields);
  // Lines a worker counted but did not keep are past every report limit
  // only if the worker kept its full quota; account for them too.
  uint64_t total = 0;
  for (uint64_t c : log.counts) total += c;
  if (total > log.kept.size()) reported_ += total - log.kept.size();
}

void Diagnostics::Settle() {
  if (settled_) return;
  uint64_t bad = 0;
  for (uint64_t c : source_counts_) bad += c;
  if (source_records_ == 0 && bad == 0) return;  // no line yet
  settled_ = true;
  nothing_fit_ =
      source_records_ == 0 &&
      source_counts_[static_cast<size_t>(LineError::kFieldCount)] > 0;
  if (nothing_fit_) ReportNoLineFits();
  for (const BadLine& held : held_) {
    if (nothing_fit_ && held.error == LineError::kFieldCount) {
      --reported_;  // explained by the input's error: frees its place
      continue;
    }
    Report(held);
  }
  held_.clear();
}

void Diagnostics::ReportNoLineFits() {
  ++input_errors_;
  const uint64_t lines =
      source_counts_[static_cast<size_t>(LineError::kFieldCount)];
  // "1 field", "3 fields", "3 to 4 fields".
  const std::string got =
      fewest_fields_ == most_fields_
          ? fmt::format("{} field{}", fewest_fields_,
                        fewest_fields_ == 1 ? "" : "s")
          : fmt::format("{} to {} fields", fewest_fields_, most_fields_);
  std::string format;
  std::string fix;
  switch (origin_) {
    case FormatOrigin::kDefault:
      format = "the default format (v2)";
      fix = fmt::format(
          "name its {} in order with --format '${{version}} "
          "${{account-id}} ...' (flowmon fields lists them), or read it as "
          "plain text with --format raw",
          got);
      break;
    case FormatOrigin::kOption:
      format = "--format";
      fix = fewest_fields_ == most_fields_ &&
                    most_fields_ == Schema::DefaultV2().size()
                ? std::string(
                      "its lines have as many fields as the default format "
                      "(v2): leave out --format, or read it as plain text "
                      "with --format raw")
                : fmt::format(
                      "give --format the {} of its lines, or read it "
                      "as plain text with --format raw",
                      got);
      break;
    case FormatOrigin::kHeaderLine:
      format = "its header line";
      fix = "read it as plain text with --format raw";
      break;
  }
  const std::string missed =
      formats_differ_
          ? std::string("the fields its header lines name")
          : fmt::format("the {} fields of {}", format_fields_, format);
  std::string message =
      fmt::format("{}: no line has {}: {} {}", source_, missed,
                  lines == 1 ? std::string("its one line has")
                             : fmt::format("its {} lines have", lines),
                  got);
  if (!first_misfit_.empty()) message += "\n  " + first_misfit_;
  message += "\n  " + fix;
  emit_(true, message);
}

void Diagnostics::EndSource() {
  Settle();
  uint64_t total = 0;
  for (uint64_t c : source_counts_) total += c;
  if (total == 0) return;
  // The error of an input none of whose lines fits already counted them.
  if (nothing_fit_ &&
      total == source_counts_[static_cast<size_t>(LineError::kFieldCount)]) {
    return;
  }
  std::string reasons;
  for (size_t i = 0; i < kLineErrorKinds; ++i) {
    if (source_counts_[i] == 0) continue;
    if (!reasons.empty()) reasons += ", ";
    reasons += fmt::format("{} {}", source_counts_[i],
                           LineErrorName(static_cast<LineError>(i)));
  }
  emit_(false, fmt::format("skipped {} malformed line{} in {} ({})", total,
                           total == 1 ? "" : "s", source_, reasons));
}

void Diagnostics::InputError(const Status& status) {
  ++input_errors_;
  emit_(true, status.message());
}

void Diagnostics::Warning(std::string_view message) { emit_(false, message); }

}  // namespace flowmon
