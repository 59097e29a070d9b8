#include "flowmon/pipeline/diagnostics.h"

#include <fmt/format.h>

namespace flowmon {
namespace {

constexpr size_t kExcerptColumns = 72;

}  // namespace

void BadLineLog::Add(uint64_t line_no, std::string_view line, LineError e,
                     size_t column, size_t expected, size_t got) {
  ++counts[static_cast<size_t>(e)];
  if (kept.size() >= keep) return;
  BadLine bad;
  bad.line_no = line_no;
  bad.error = e;
  bad.column = column;
  bad.expected = expected;
  bad.got = got;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  bad.excerpt.assign(line.substr(0, kExcerptColumns + 1));
  kept.push_back(std::move(bad));
}

void BadLineLog::Clear() {
  counts.fill(0);
  kept.clear();
}

Diagnostics::Diagnostics(size_t max_report, Emit emit)
    : max_report_(max_report), emit_(std::move(emit)) {}

void Diagnostics::BeginSource(std::string_view name) {
  source_ = std::string(name);
  source_counts_.fill(0);
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
    case LineError::kOk:
    case LineError::kBlank:
      break;
  }
  return "malformed line";
}

void Diagnostics::Report(const BadLine& bad) {
  std::string text = bad.excerpt.substr(0, kExcerptColumns);
  for (char& c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = '.';
  }
  if (bad.excerpt.size() > kExcerptColumns) text += "...";
  std::string message =
      fmt::format("{}:{}: {}\n  {}", source_, bad.line_no, Describe(bad), text);
  if (bad.column <= kExcerptColumns) {
    message += fmt::format("\n  {}^", std::string(bad.column, ' '));
  }
  emit_(false, message);
}

void Diagnostics::Merge(const BadLineLog& log) {
  for (const BadLine& bad : log.kept) {
    if (reported_ < max_report_) Report(bad);
    ++reported_;
  }
  for (size_t i = 0; i < kLineErrorKinds; ++i) {
    source_counts_[i] += log.counts[i];
    malformed_ += log.counts[i];
  }
  // Lines a worker counted but did not keep are past every report limit
  // only if the worker kept its full quota; account for them too.
  uint64_t total = 0;
  for (uint64_t c : log.counts) total += c;
  if (total > log.kept.size()) reported_ += total - log.kept.size();
}

void Diagnostics::EndSource() {
  uint64_t total = 0;
  for (uint64_t c : source_counts_) total += c;
  if (total == 0) return;
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

}  // namespace flowmon
