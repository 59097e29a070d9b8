#include "pipeline/needed_fields.h"

#include <utility>

namespace flowmon {
namespace {

// The field slot `s` binds, as a FieldRef: from the end for slots after
// '...'.
FieldRef SlotField(const CompiledPattern& p, const Slot& s) {
  FieldRef f;
  f.from_end = s.from_end;
  f.position = s.from_end
                   ? static_cast<uint32_t>(p.fixed_fields()) - 1 - s.position
                   : s.position;
  return f;
}

// Adds what matching `p` reads; false when that is the whole line.
bool AddPattern(const CompiledPattern& p, FieldNeeds* needs) {
  // `[]` matches every line and extracts every field.
  if (p.kind() != CompiledPattern::Kind::kSpaceDelimited || p.slots().empty()) {
    return false;
  }
  for (const Slot& s : p.slots()) {
    if (s.kind != Slot::Kind::kEllipsis) needs->Add(SlotField(p, s));
  }
  return true;
}

// The conditions of `p` on one field each, as tests.
void AddTests(const CompiledPattern& p, FieldNeeds* needs) {
  for (const Condition& cond : p.conditions()) {
    if (cond.any_of.empty() || cond.any_of.front().empty()) continue;
    const uint32_t slot = cond.any_of.front().front().slot;
    bool one_field = true;
    for (const auto& group : cond.any_of) {
      for (const Comparison& c : group) one_field = one_field && c.slot == slot;
    }
    if (!one_field) continue;
    // A copy of the condition: the test does not point into the pattern.
    needs->AddTest(
        {SlotField(p, p.slots()[slot]), [cond](std::string_view field) {
           return CompiledPattern::ConditionHolds(cond, field);
         }});
  }
}

}  // namespace

FieldNeeds NeededFields(const PipelineOptions& options,
                        const RecordSink& sink) {
  FieldNeeds needs = FieldNeeds::None();
  sink.AddNeededFields(&needs);
  // Typed output checks every integer field of a selected record.
  if (options.check_values) needs.SetAll();
  std::vector<const CompiledPattern*> patterns = options.patterns;
  if (options.pattern != nullptr) patterns.push_back(options.pattern);
  for (const CompiledPattern* p : patterns) {
    if (!AddPattern(*p, &needs)) needs.SetAll();
  }
  if (options.since || options.until || options.deliver_rejected_times) {
    needs.AddOfRejected(FieldRef{"start"});
  }
  // A rejected record is seen whole when delivered or selected (invert).
  const bool rejected_unseen = !options.invert && !options.deliver_rejected &&
                               !options.deliver_rejected_when_live;
  if (options.pattern != nullptr && rejected_unseen) {
    AddTests(*options.pattern, &needs);
  }
  return needs;
}

}  // namespace flowmon
