// A filter pattern that every record a query keeps matches: the literals its
// first filters require of the line. Handed to the pipeline, it lets the
// scan's literal search skip lines the query would drop anyway, before they
// are tokenized or turned into events.
#pragma once

#include <string>

#include "insights/ast.h"

namespace flowmon::insights {

// A term pattern ("REJECT" "OK") implied by the filters at the start of the
// plan, or "" when none can be: only conjuncts of the form field = "text",
// "text" = field and field like "text" count (text not a number, of
// letters, digits and _ . : - only), and only in filters before any fields
// or parse, which could give the field another value. A record the filter
// keeps has that text in one of its fields, so its line holds it; the
// query's own filter still decides (the pattern is a necessary condition,
// never a sufficient one).
std::string PrefilterPattern(const QueryPlan& plan);

}  // namespace flowmon::insights
