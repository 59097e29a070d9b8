#include "suggest.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "app_walk.h"

namespace flowmon {
namespace {

// Optimal string alignment distance: typos swap neighbours ("fitler").
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string Suggestion(std::string_view typed,
                       const std::vector<std::string>& candidates) {
  const std::string best = ClosestWord(typed, candidates);
  return best.empty() ? "" : fmt::format("; did you mean '{}'?", best);
}

const CLI::App* FindSubcommand(const CLI::App& app, std::string_view name) {
  for (const CLI::App* s : app.get_subcommands({})) {
    if (s->get_name() == name) return s;
  }
  return nullptr;
}

const CLI::Option* FindOption(const CLI::App& app, std::string_view name) {
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      if (o->check_name(std::string(name))) return o;
    }
  }
  return nullptr;
}

}  // namespace

std::string ClosestWord(std::string_view typed,
                        const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = 0;
  for (const std::string& c : candidates) {
    const size_t d = EditDistance(typed, c);
    if (best.empty() || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // Two edits in a long word, one in a short one: further is a guess.
  const size_t allowed = typed.size() >= 5 ? 2 : 1;
  return best_distance <= allowed ? best : "";
}

std::string UnknownWordMessage(const CLI::App& root, int argc,
                               const char* const* argv) {
  const CLI::App* app = &root;
  bool positionals_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (positionals_only) continue;
    if (word == "--") {
      positionals_only = true;
      continue;
    }
    if (word.size() > 2 && word.substr(0, 2) == "--") {
      const std::string_view name = word.substr(0, word.find('='));
      const CLI::Option* o = FindOption(*app, name);
      if (o == nullptr) {
        return fmt::format("unknown option '{}'{}", name,
                           Suggestion(name, OptionNames(*app)));
      }
      if (TakesValue(*o) && word.find('=') == std::string::npos) {
        ++i;  // its value
      }
      continue;
    }
    if (word.size() > 1 && word[0] == '-' && word[1] != '-') {
      // -c, -vq, -o json, -ojson: the first letter decides.
      const std::string name(word.substr(0, 2));
      const CLI::Option* o = FindOption(*app, name);
      if (o == nullptr) {
        if (word.size() > 1 &&
            std::isdigit(static_cast<unsigned char>(word[1]))) {
          continue;  // a negative number, a value
        }
        // The old global -v: say where it went rather than guess.
        if (name == "-v") {
          return "unknown option '-v' (-v is filter's --invert now, as "
                 "grep's; more messages: --verbose)";
        }
        return fmt::format("unknown option '{}'", name);
      }
      if (TakesValue(*o) && word.size() == 2) ++i;
      continue;
    }
    if (const CLI::App* sub = FindSubcommand(*app, word)) {
      app = sub;
      continue;
    }
    // A word where a subcommand must stand.
    if (!app->get_subcommands({}).empty()) {
      bool takes_positionals = false;
      for (const CLI::Option* o : app->get_options()) {
        takes_positionals = takes_positionals || o->get_positional();
      }
      if (!takes_positionals) {
        std::vector<std::string> names;
        for (const CLI::App* s : VisibleSubcommands(*app)) {
          names.push_back(s->get_name());
        }
        return fmt::format("unknown subcommand '{}'{}", word,
                           Suggestion(word, names));
      }
    }
  }
  return "";
}

}  // namespace flowmon
