// "did you mean" for mistyped subcommands and options.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace flowmon {

// The candidate closest to `typed` (edit distance, a swap of neighbours
// counting one), or "" when none is close enough to be what was meant.
std::string ClosestWord(std::string_view typed,
                        const std::vector<std::string>& candidates);

// After CLI11 rejected argv: the first word that names no subcommand or
// option where it stands, as a message ("unknown subcommand 'fitler'; did
// you mean 'filter'?"), or "" when every word is known.
std::string UnknownWordMessage(const CLI::App& root, int argc,
                               const char* const* argv);

}  // namespace flowmon
