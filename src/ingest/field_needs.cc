#include "flowmon/ingest/field_needs.h"

namespace flowmon {

int FieldRef::Resolve(const Schema& schema) const {
  if (!name.empty()) return schema.IndexOf(name);
  const size_t n = schema.size();
  if (position >= n) return -1;
  return static_cast<int>(from_end ? n - 1 - position : position);
}

FieldNeeds::Resolved FieldNeeds::Resolve(const Schema& schema) const {
  Resolved r;
  const size_t n = schema.size();
  r.needed.assign(n, all_ ? 1 : 0);
  r.of_rejected.assign(n, 0);
  auto mark = [&](const FieldRef& f, std::vector<uint8_t>* set) {
    const int i = f.Resolve(schema);
    if (i >= 0) (*set)[static_cast<size_t>(i)] = 1;
    return i;
  };
  for (const FieldRef& f : fields_) mark(f, &r.needed);
  for (const FieldRef& f : of_rejected_) {
    mark(f, &r.needed);
    mark(f, &r.of_rejected);
  }
  for (const FieldTest& t : tests_) {
    const int i = mark(t.field, &r.needed);
    if (i >= 0) {
      r.of_rejected[static_cast<size_t>(i)] = 1;
      r.tests.emplace_back(static_cast<size_t>(i), &t);
    }
  }
  return r;
}

}  // namespace flowmon
