// Fields flowmon does not know: made once per name, kept for the process.
#include <deque>
#include <mutex>
#include <string>

#include "flowmon/core/header_words.h"
#include "flowmon/core/schema.h"

namespace flowmon {
namespace {

// Enough for any real header lines; a bound for inputs made of random
// header-shaped lines.
constexpr size_t kMaxUnknownFields = 4096;

constexpr std::string_view kUnknownDescription =
    "Not a field flowmon knows (newer than this flowmon?): read as a string.";

// FlowField points into `names`; deques never move what they hold.
struct UnknownFields {
  std::mutex mu;
  std::deque<std::string> names;
  std::deque<FlowField> fields;
  std::function<void(const FlowField&)> listener;
};

UnknownFields& Registry() {
  static UnknownFields registry;
  return registry;
}

}  // namespace

const FlowField* FieldNamed(std::string_view name) {
  if (const FlowField* known = FindFlowField(name)) return known;
  if (!IsFieldNameShaped(name)) return nullptr;
  UnknownFields& r = Registry();
  std::function<void(const FlowField&)> listener;
  const FlowField* made = nullptr;
  {
    std::lock_guard<std::mutex> lock(r.mu);
    for (const FlowField& f : r.fields) {
      if (f.name == name) return &f;
    }
    if (r.fields.size() >= kMaxUnknownFields) return nullptr;
    const std::string_view stored = r.names.emplace_back(name);
    made = &r.fields.emplace_back(FlowField{stored, 0, FieldType::kString,
                                            kUnknownDescription, stored, 0});
    listener = r.listener;
  }
  if (listener) listener(*made);
  return made;
}

void SetUnknownFieldListener(std::function<void(const FlowField&)> listener) {
  UnknownFields& r = Registry();
  std::lock_guard<std::mutex> lock(r.mu);
  r.listener = std::move(listener);
}

}  // namespace flowmon
