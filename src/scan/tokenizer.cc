#include "flowmon/scan/tokenizer.h"

#include <cstdint>
#include <cstring>

#include "scan/line_scan.h"

namespace flowmon {

std::string_view LineErrorName(LineError e) {
  switch (e) {
    case LineError::kOk:
      return "ok";
    case LineError::kBlank:
      return "blank";
    case LineError::kFieldCount:
      return "field-count";
    case LineError::kTooManyFields:
      return "too-many-fields";
    case LineError::kBinary:
      return "binary";
    case LineError::kTooLong:
      return "too-long";
    case LineError::kBadValue:
      return "bad-value";
    case LineError::kUnreadableHeader:
      return "unreadable-header";
  }
  return "unknown";
}

namespace {

// Bytes that make a line binary garbage: C0 controls except tab, and DEL.
inline bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\t') || c == 0x7f;
}

// The byte loop on a line whose CRLF end is already stripped: SplitFields
// falls back to it after SplitPlainLine declined, so a second trailing '\r'
// stays a control byte, as in SplitFieldsBytewise.
LineError SplitStripped(std::string_view line, Record* rec,
                        size_t* error_column);

}  // namespace

LineError SplitFields(std::string_view line, Record* rec, size_t* error_column,
                      const char* readable_end) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  rec->line = line;
  rec->size = 0;
  if (line.size() > kMaxLineBytes) {
    *error_column = kMaxLineBytes;
    return LineError::kTooLong;
  }
  if (SplitPlainLine(line, rec, readable_end)) {
    return rec->size == 0 ? LineError::kBlank : LineError::kOk;
  }
  return SplitStripped(line, rec, error_column);
}

LineError SplitFieldsBytewise(std::string_view line, Record* rec,
                              size_t* error_column) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return SplitStripped(line, rec, error_column);
}

namespace {

LineError SplitStripped(std::string_view line, Record* rec,
                        size_t* error_column) {
  rec->line = line;
  rec->size = 0;
  const unsigned char* const begin =
      reinterpret_cast<const unsigned char*>(line.data());
  const unsigned char* const end = begin + line.size();
  const unsigned char* p = begin;
  size_t n = 0;
  while (true) {
    while (p < end && *p == ' ') ++p;
    if (p == end) break;
    if (n == kMaxFields) {
      *error_column = static_cast<size_t>(p - begin);
      return LineError::kTooManyFields;
    }
    const unsigned char* start = p;
    const unsigned char* stop;
    if (*p == '"' || *p == '[') {
      const unsigned char close = *p == '"' ? '"' : ']';
      start = ++p;
      while (p < end && *p != close) {
        if (IsControl(*p)) {
          *error_column = static_cast<size_t>(p - begin);
          return LineError::kBinary;
        }
        ++p;
      }
      stop = p;
      if (p < end) ++p;  // the closing quote or bracket
    } else {
      // Hot loop: every byte above ' ' is part of the field, except DEL.
      while (p<end&& * p> ' ' && *p != 0x7f) ++p;
      if (p < end && *p != ' ' && IsControl(*p)) {
        *error_column = static_cast<size_t>(p - begin);
        return LineError::kBinary;
      }
      // A tab inside an unquoted field continues it.
      while (p < end && *p != ' ') {
        if (IsControl(*p)) {
          *error_column = static_cast<size_t>(p - begin);
          return LineError::kBinary;
        }
        ++p;
      }
      stop = p;
    }
    rec->fields[n++] = std::string_view(reinterpret_cast<const char*>(start),
                                        static_cast<size_t>(stop - start));
  }
  rec->size = n;
  return n == 0 ? LineError::kBlank : LineError::kOk;
}

}  // namespace
}  // namespace flowmon
