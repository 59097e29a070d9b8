// CSV and TSV text: the one quoting rule of every table flowmon writes
// (filter, query, top, metric and fields output).
#pragma once

#include <fmt/format.h>

#include <string_view>

namespace flowmon {

enum class CsvQuoting {
  kAsNeeded,  // quote a CSV field only when it must be (RFC 4180)
  kAlways,    // quote every CSV field (free text such as descriptions)
};

// Appends one field of a row whose fields are separated by `separator`.
// CSV (separator ','), RFC 4180: the field in double quotes with its quotes
// doubled when it holds ',', '"', CR or LF (or always, with kAlways), else
// as it is. TSV (separator '\t'): never quoted; a tab inside the field
// becomes a space so that it cannot split the row.
void AppendCsvField(fmt::memory_buffer* out, std::string_view field,
                    char separator, CsvQuoting quoting = CsvQuoting::kAsNeeded);

}  // namespace flowmon
