#include "pipeline/header_line.h"

#include <string>

namespace flowmon {

std::optional<Schema> HeaderLineSchema(const Record& rec) {
  if (!IsHeaderLine(rec)) return std::nullopt;
  // The names as the tokenizer split them, so that the schema is the one
  // IsHeaderLine accepted.
  std::string names;
  for (size_t i = 0; i < rec.size; ++i) {
    if (i > 0) names += ' ';
    names.append(rec.fields[i]);
  }
  return Schema::FromHeaderLine(names);
}

}  // namespace flowmon
