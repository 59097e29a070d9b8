#include "flowmon/pattern/json_path.h"

#include "pattern/char_class.h"
#include "pattern/json_event.h"
#include "pattern/json_selector.h"

namespace flowmon {
namespace {

// The one value a wildcard-free path points at in `event`, if any.
bool SelectOne(std::string_view event, const std::vector<SelectorStep>& path,
               simdjson::dom::element* out) {
  simdjson::dom::element root;
  if (!ParseJsonEvent(event, &root)) return false;
  auto first = [out](simdjson::dom::element e) {
    *out = e;
    return true;
  };
  return SelectJson(root, path, 0, first);
}

}  // namespace

std::shared_ptr<const JsonPath> JsonPath::Parse(std::string_view text,
                                                PatternError* error) {
  auto path = std::make_shared<JsonPath>();
  size_t pos = 0;
  if (!ParseJsonSelector(text, &pos, &path->path_, error)) return nullptr;
  while (pos < text.size() && IsPatternSpace(text[pos])) ++pos;
  auto fail = [&](const char* message) {
    error->column = pos + 1;
    error->message = message;
    return nullptr;
  };
  if (pos != text.size()) return fail("unexpected text after the selector");
  for (const SelectorStep& s : path->path_) {
    if (s.kind == SelectorStep::Kind::kAnyElement ||
        s.kind == SelectorStep::Kind::kAnyMember) {
      return fail("a metric value or dimension selector cannot use '*'");
    }
  }
  return path;
}

bool JsonPath::SelectNumber(std::string_view event, double* out) const {
  simdjson::dom::element value;
  return SelectOne(event, path_, &value) && value.is_number() &&
         value.get_double().get(*out) == simdjson::SUCCESS;
}

bool JsonPath::SelectText(std::string_view event, std::string* out) const {
  simdjson::dom::element value;
  if (!SelectOne(event, path_, &value)) return false;
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) {
    out->assign(s);
  } else {
    *out = simdjson::to_string(value);
  }
  return true;
}

}  // namespace flowmon
