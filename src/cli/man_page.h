// Man pages flowmon(1) and flowmon-SUBCOMMAND(1) in roff, generated from
// the CLI11 app (the build runs the hidden `flowmon manpage`), so they say
// what --help says.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace flowmon {

// The page of the command `path` leads to ({} for flowmon itself, {"athena",
// "sql"}), or "" when there is no such command.
std::string ManPage(const CLI::App& root, const std::vector<std::string>& path,
                    const std::string& version);

}  // namespace flowmon
