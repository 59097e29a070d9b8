// CSV and TSV text: the one quoting rule of every table flowmon writes
// (filter, query, top, metric, alarm, check, detect, test-pattern and
// fields output).
#pragma once

#include <fmt/format.h>

#include <string_view>

namespace flowmon {

enum class CsvQuoting {
  kAsNeeded,  // quote a CSV field only when it must be (RFC 4180)
  kAlways,    // quote every CSV field (free text such as descriptions)
};

// True when a spreadsheet would take `field` as a formula: it starts with
// '=', '+', '-', '@', tab or carriage return and is not a number or a
// lone "-" (OWASP, "CSV Injection").
bool IsFormulaLike(std::string_view field);

// Appends one field of a row whose fields are separated by `separator`.
// A formula-like field (IsFormulaLike) is written with a "'" in front, so
// that a spreadsheet shows it as text; numbers stay as they are.
// CSV (separator ','), RFC 4180: the field in double quotes with its quotes
// doubled when it holds ',', '"', CR or LF, is formula-like (or always,
// with kAlways), else as it is. TSV (separator '\t'), IANA's
// text/tab-separated-values: never quoted; a tab, CR or LF inside the field
// becomes a space so that it cannot split the row or the cell.
void AppendCsvField(fmt::memory_buffer* out, std::string_view field,
                    char separator, CsvQuoting quoting = CsvQuoting::kAsNeeded);

}  // namespace flowmon
