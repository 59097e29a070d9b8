#include "insights/field_names.h"

#include "flowmon/core/schema.h"

namespace flowmon::insights {

std::string_view FlowFieldFor(std::string_view insights) {
  for (const FlowField& f : AllFlowFields()) {
    if (f.insights == insights) return f.name;
  }
  return insights;
}

}  // namespace flowmon::insights
