#include "flowmon/tokenizer.h"

#include <cstdint>
#include <cstring>

#include "byte_classes.h"

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
  }
  return "unknown";
}

namespace {

// Bytes that make a line binary garbage: C0 controls except tab, and DEL.
inline bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\t') || c == 0x7f;
}

// Splits plain lines 64 bytes at a time from a bitmask of spaces: each
// change between space and non-space is a field boundary. Returns false,
// having decided nothing, for lines with quotes, brackets, control bytes
// or too many fields; the byte loop handles those. Measured in
// bench/filter_perftest.cc: about 3x the byte loop on flow-log lines.
bool SplitPlain(std::string_view line, Record* rec, const char* readable_end) {
  const char* const s = line.data();
  const size_t n = line.size();
  size_t count = 0;
  size_t start = 0;
  bool in_field = false;
  char padded[64];
  for (size_t base = 0; base < n; base += 64) {
    const char* block = s + base;
    uint64_t valid = ~uint64_t{0};
    if (n - base < 64) {
      if (block + 64 <= readable_end) {
        // Bytes past the line are readable: classify them and mask them.
        valid = (uint64_t{1} << (n - base)) - 1;
      } else {
        // The tail, padded with spaces: they end the last field at n.
        std::memset(padded, ' ', sizeof padded);
        std::memcpy(padded, block, n - base);
        block = padded;
      }
    }
    const BlockMasks m = ClassifyBlock(block, '\n');
    if (((m.special | m.newline) & valid) != 0) return false;
    const uint64_t space = m.space | ~valid;
    uint64_t changes = space ^ ((space << 1) | (in_field ? 0 : 1));
    while (changes != 0) {
      const size_t pos = base + static_cast<size_t>(__builtin_ctzll(changes));
      changes &= changes - 1;
      if (!in_field) {
        start = pos;
      } else {
        if (count == kMaxFields) return false;
        rec->fields[count++] = std::string_view(s + start, pos - start);
      }
      in_field = !in_field;
    }
  }
  if (in_field) {
    if (count == kMaxFields) return false;
    rec->fields[count++] = std::string_view(s + start, n - start);
  }
  rec->size = count;
  return true;
}

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
  if (SplitPlain(line, rec, readable_end)) {
    return rec->size == 0 ? LineError::kBlank : LineError::kOk;
  }
  return SplitFieldsBytewise(line, rec, error_column);
}

LineError SplitFieldsBytewise(std::string_view line, Record* rec,
                              size_t* error_column) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
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

}  // namespace flowmon
