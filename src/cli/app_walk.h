// What the completion scripts and man pages read off the CLI11 app, so
// both say what --help says (one source of truth).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace flowmon {

// A subcommand (or the top-level app) and the words that lead to it.
struct AppNode {
  const CLI::App* app;
  std::vector<std::string> path;  // {} for flowmon, {"athena", "sql"}
};
// Every visible command, depth first, flowmon itself first.
std::vector<AppNode> VisibleCommands(const CLI::App& root);
// The visible subcommands of `app`.
std::vector<const CLI::App*> VisibleSubcommands(const CLI::App& app);
// The visible options (not positionals) of `app` and, as they fall
// through, of its parents: "--help" and the global flags included.
std::vector<const CLI::Option*> VisibleOptions(const CLI::App& app);
// Whether the option reads a value (a flag does not).
bool TakesValue(const CLI::Option& o);
// The long and short names of every option VisibleOptions lists.
std::vector<std::string> OptionNames(const CLI::App& app);

}  // namespace flowmon
