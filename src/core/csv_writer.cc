#include "flowmon/core/csv_writer.h"

namespace flowmon {

void AppendCsvField(fmt::memory_buffer* out, std::string_view field,
                    char separator, CsvQuoting quoting) {
  if (separator == '\t') {
    for (const char c : field) out->push_back(c == '\t' ? ' ' : c);
    return;
  }
  if (quoting == CsvQuoting::kAsNeeded &&
      field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (const char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace flowmon
