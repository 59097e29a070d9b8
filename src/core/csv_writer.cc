#include "flowmon/core/csv_writer.h"

#include "flowmon/core/json_writer.h"

namespace flowmon {

bool IsFormulaLike(std::string_view field) {
  // A lone "-" (AWS's "no value") is not a formula in any spreadsheet.
  if (field.empty() || field == "-") return false;
  switch (field.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      // A number ("-5", "-1.5e3") is data a spreadsheet should read as a
      // number; only text starting so is taken as a formula.
      return !IsJsonNumber(field);
    default:
      return false;
  }
}

void AppendCsvField(fmt::memory_buffer* out, std::string_view field,
                    char separator, CsvQuoting quoting) {
  // OWASP's advice against CSV injection: a cell a spreadsheet would run
  // as a formula starts with a "'", which spreadsheets show as text.
  const bool guard = IsFormulaLike(field);
  if (separator == '\t') {
    if (guard) out->push_back('\'');
    for (const char c : field) {
      out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    }
    return;
  }
  if (quoting == CsvQuoting::kAsNeeded && !guard &&
      field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  if (guard) out->push_back('\'');
  for (const char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace flowmon
