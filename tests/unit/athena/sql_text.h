// Helpers shared by the athena unit tests.
#pragma once

#include <string>

#include "catch.h"

namespace flowmon::testing {

// True when the SQL `sql` holds `part`; shows `sql` when a check fails.
inline bool Has(const std::string& sql, const std::string& part) {
  INFO(sql);
  return sql.find(part) != std::string::npos;
}

}  // namespace flowmon::testing
