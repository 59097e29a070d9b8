// Parsing one log event as JSON, for JSON patterns and JSON selectors.
#pragma once

#include <simdjson.h>

#include <string_view>

namespace flowmon {

// Parses `event` with this thread's parser. False for an event that does
// not start with '{' or '[' (after blanks) or is not valid JSON.
// Lifetime: *root points into this thread's parser and is valid until the
// next ParseJsonEvent() call on the same thread; `event` need not outlive
// the call.
bool ParseJsonEvent(std::string_view event, simdjson::dom::element* root);

}  // namespace flowmon
