#include "app_walk.h"

namespace flowmon {
namespace {

void Walk(const CLI::App& app, std::vector<std::string> path,
          std::vector<AppNode>* out) {
  out->push_back({&app, path});
  for (const CLI::App* sub : VisibleSubcommands(app)) {
    std::vector<std::string> next = path;
    next.push_back(sub->get_name());
    Walk(*sub, next, out);
  }
}

}  // namespace

std::vector<const CLI::App*> VisibleSubcommands(const CLI::App& app) {
  return app.get_subcommands(
      [](const CLI::App* s) { return !s->get_group().empty(); });
}

std::vector<AppNode> VisibleCommands(const CLI::App& root) {
  std::vector<AppNode> out;
  Walk(root, {}, &out);
  return out;
}

std::vector<const CLI::Option*> VisibleOptions(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      if (o->get_positional() || o->get_group().empty()) continue;
      // A parent's --help and --version are not the subcommand's.
      if (a != &app && (o->check_lname("help") || o->check_lname("version")))
        continue;
      out.push_back(o);
    }
  }
  return out;
}

bool TakesValue(const CLI::Option& o) { return !o.get_type_name().empty(); }

std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : VisibleOptions(app)) {
    for (const std::string& s : o->get_snames()) out.push_back("-" + s);
    for (const std::string& l : o->get_lnames()) out.push_back("--" + l);
  }
  return out;
}

}  // namespace flowmon
