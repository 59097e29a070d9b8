// `flowmon completion bash|zsh|fish`: shell completion scripts generated
// from the CLI11 app, so they offer what --help lists.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

namespace flowmon {

// The completion script for `shell` (bash, zsh or fish).
std::string CompletionScript(const CLI::App& root, std::string_view shell);

}  // namespace flowmon
