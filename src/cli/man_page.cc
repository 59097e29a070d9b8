#include "man_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "app_walk.h"

namespace flowmon {
namespace {

// Text as roff prints it: backslashes escaped, no line read as a request.
std::string Roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
    return static_cast<char>(std::toupper(c));
  });
  return s;
}

std::string OptionHead(const CLI::Option& o) {
  std::string head;
  for (const std::string& s : o.get_snames()) {
    head += (head.empty() ? "" : ", ") + fmt::format("\\fB\\-{}\\fR", s);
  }
  for (const std::string& l : o.get_lnames()) {
    head +=
        (head.empty() ? "" : ", ") + fmt::format("\\fB\\-\\-{}\\fR", Roff(l));
  }
  if (TakesValue(o)) {
    std::string type = o.get_type_name();
    if (type.empty()) type = "VALUE";
    head += " \\fI" + Roff(type) + "\\fR";
  }
  return head;
}

// A footer (or description) as roff: paragraphs, with indented lines
// (examples) kept as they are; "Examples:" opens an EXAMPLES section.
std::string Paragraphs(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  bool literal = false;
  while (std::getline(in, line)) {
    const bool indented = line.rfind("  ", 0) == 0;
    if (literal && !indented) {
      out += ".fi\n.RE\n";
      literal = false;
    }
    if (line.empty()) continue;
    if (line == "Examples:" || line == "Example:") {
      out += ".SH EXAMPLES\n";
    } else if (line.rfind("Example:", 0) == 0 && line.size() > 9) {
      out += ".SH EXAMPLES\n.PP\n" + Roff(line.substr(9)) + "\n";
    } else if (indented) {
      if (!literal) out += ".RS 4\n.nf\n";
      literal = true;
      out += Roff(line.substr(2)) + "\n";
    } else {
      out += ".PP\n" + Roff(line) + "\n";
    }
  }
  if (literal) out += ".fi\n.RE\n";
  return out;
}

}  // namespace

std::string ManPage(const CLI::App& root, const std::vector<std::string>& path,
                    const std::string& version) {
  const CLI::App* app = &root;
  for (const std::string& word : path) {
    const std::vector<const CLI::App*> subs = VisibleSubcommands(*app);
    auto it = std::find_if(subs.begin(), subs.end(), [&](const CLI::App* s) {
      return s->get_name() == word;
    });
    if (it == subs.end()) return "";
    app = *it;
  }
  std::string name = "flowmon", words = "flowmon";
  for (const std::string& w : path) {
    name += "-" + w;
    words += " " + w;
  }
  std::string out = fmt::format(
      ".TH {} 1 \"\" \"flowmon {}\" \"User Commands\"\n.SH NAME\n{} \\- {}\n",
      Upper(Roff(name)), Roff(version), Roff(name),
      Roff(app->get_description()));
  out += fmt::format(".SH SYNOPSIS\n.B {}\n", Roff(words));
  std::string synopsis;
  if (!VisibleSubcommands(*app).empty()) synopsis += " \\fISUBCOMMAND\\fR";
  synopsis += " [\\fIOPTIONS\\fR]";
  for (const CLI::Option* o : app->get_options()) {
    if (!o->get_positional()) continue;
    std::string p = "\\fI" + Roff(o->get_name()) + "\\fR";
    if (o->get_expected_max() > 1) p += "...";
    synopsis += " " + (o->get_required() ? p : "[" + p + "]");
  }
  out += synopsis + "\n";
  out += ".SH DESCRIPTION\n" + Roff(app->get_description()) + ".\n";
  bool positional_header = false;
  for (const CLI::Option* o : app->get_options()) {
    if (!o->get_positional()) continue;
    if (!positional_header) out += ".SH ARGUMENTS\n";
    positional_header = true;
    out += ".TP\n\\fI" + Roff(o->get_name()) + "\\fR\n" +
           Roff(o->get_description()) + "\n";
  }
  if (!VisibleSubcommands(*app).empty()) {
    out += ".SH SUBCOMMANDS\n";
    for (const CLI::App* s : VisibleSubcommands(*app)) {
      out += fmt::format(".TP\n\\fB{}\\fR\n{}.\nSee \\fB{}\\-{}\\fR(1).\n",
                         Roff(s->get_name()), Roff(s->get_description()),
                         Roff(name), Roff(s->get_name()));
    }
  }
  out += ".SH OPTIONS\n";
  for (const CLI::Option* o : VisibleOptions(*app)) {
    std::string text = o->get_description();
    if (!o->get_default_str().empty()) {
      text += " (default: " + o->get_default_str() + ")";
    }
    out += ".TP\n" + OptionHead(*o) + "\n" + Roff(text) + "\n";
  }
  out += Paragraphs(app->get_footer());
  out += ".SH SEE ALSO\n";
  if (path.empty()) {
    std::string see;
    for (const CLI::App* s : VisibleSubcommands(*app)) {
      see += (see.empty() ? "" : ",\n") +
             fmt::format("\\fBflowmon\\-{}\\fR(1)", Roff(s->get_name()));
    }
    out += see + "\n";
  } else {
    out += "\\fBflowmon\\fR(1)\n";
  }
  return out;
}

}  // namespace flowmon
