// Validators for numeric flags: a value that makes no sense is a usage
// error naming the option (CLI11 prefixes the option's name).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>

namespace flowmon {

// A whole number >= `min` ("--limit: -1: expected a whole number of at
// least 0").
CLI::Validator WholeAtLeast(int64_t min);
// A number (fractions allowed) > 0, or >= 0 when `zero_ok`.
CLI::Validator PositiveNumber(bool zero_ok);
// A metric period: a positive multiple of 60 seconds.
CLI::Validator MetricPeriod();

}  // namespace flowmon
