#include "pattern/json_event.h"

#include "pattern/char_class.h"

namespace flowmon {

bool ParseJsonEvent(std::string_view event, simdjson::dom::element* root) {
  // Cheap rejection before parsing: a JSON event starts with '{' or '['.
  size_t i = 0;
  while (i < event.size() && IsPatternSpace(event[i])) ++i;
  if (i == event.size() || (event[i] != '{' && event[i] != '[')) return false;
  thread_local simdjson::dom::parser parser;
  return parser.parse(event.data(), event.size()).get(*root) ==
         simdjson::SUCCESS;
}

}  // namespace flowmon
