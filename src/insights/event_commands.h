// fields, parse and filter: the commands that work on one event at a time,
// on each record before stats (or without one) and on result rows after.
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/status.h"
#include "insights/ast.h"
#include "insights/evaluator.h"

namespace flowmon::insights {

// What parse's matches need between events, so that none allocates.
struct EventScratch {
  std::vector<re2::StringPiece> groups;
  std::string text;
};

// Applies fields, parse or filter to the event `scope` shows. False when a
// filter drops it.
bool ApplyEventCommand(const Command& c, Scope& scope, EventScratch* scratch);

// Insights' regular expressions in RE2's syntax: (?<name>...) becomes
// (?P<name>...), which the RE2 at hand wants.
std::string ToRe2Syntax(std::string_view regex);

// A parse glob as a regular expression: each * a group, lazy but the last
// one at the end of the pattern, which takes the rest of the text; the
// match may start and end anywhere.
std::string GlobToRegex(std::string_view glob);

}  // namespace flowmon::insights
