// flowmon: filter, count and alarm on AWS VPC Flow Logs, offline.
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "completion.h"
#include "flowmon/core/output.h"
#include "flowmon/ingest/source.h"
#include "man_page.h"
#include "process_output.h"
#include "suggest.h"

#ifndef FLOWMON_VERSION
#define FLOWMON_VERSION "unknown"
#endif
#ifndef FLOWMON_GIT_COMMIT
#define FLOWMON_GIT_COMMIT "unknown"
#endif

namespace {

constexpr const char* kVersionText =
    "flowmon " FLOWMON_VERSION " (commit " FLOWMON_GIT_COMMIT ")";

// --color auto: a terminal on stdout, no NO_COLOR (https://no-color.org:
// set and not empty), not TERM=dumb; the flag wins over NO_COLOR.
bool UseColor(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(1) != 0;
}

// The subcommand words of argv that CLI11 knows, for "see --help" hints.
std::string CommandWords(const CLI::App& root, int argc, char** argv) {
  std::string words = "flowmon";
  const CLI::App* app = &root;
  for (int i = 1; i < argc; ++i) {
    for (const CLI::App* s : app->get_subcommands({})) {
      if (s->get_name() == argv[i]) {
        words += " " + s->get_name();
        app = s;
        break;
      }
    }
  }
  return words;
}

// Writes --help or --version text to stdout: a write that fails is an
// error naming stdout, exit 3, as for every result (`flowmon --help >
// /dev/full` is not a success).
int PrintResult(std::string_view text, int code) {
  flowmon::WriteOutput(stdout, text);
  return flowmon::FinishRun(code);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace flowmon;
  CLI::App app{
      "flowmon: filter, count and alarm on AWS VPC Flow Logs, offline, "
      "with CloudWatch semantics"};
  app.set_version_flag("--version", kVersionText,
                       "Print the version and git commit, and exit");
  app.require_subcommand(1);
  app.fallthrough();  // -q and -v also work after the subcommand
  app.footer(
      "Examples:\n"
      "  flowmon filter '[..., dstport=22, protocol=6, packets, bytes, start, "
      "end, action=REJECT, status]' logs/\n"
      "  zcat flows.log.gz | flowmon filter -c '[..., action=REJECT, status]'\n"
      "  flowmon fields\n"
      "Run 'flowmon SUBCOMMAND --help' for a subcommand's options.");
  GlobalOptions global;
  int verbose = 0;
  bool quiet = false;
  std::string color = "auto";
  // -v is filter's --invert (grep's -v), so --verbose has no short form.
  app.add_flag("--verbose", verbose, "More messages on stderr (twice: debug)");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
  app.add_option("--color", color,
                 "Colour states, severities and chart bars: auto (on a "
                 "terminal, unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  CLI::App* version_cmd =
      app.add_subcommand("version", "Print the version and git commit");
  version_cmd->footer("Example:\n  flowmon version");
  std::string shell;
  CLI::App* completion_cmd = app.add_subcommand(
      "completion", "Print the shell completion script for bash, zsh or fish");
  completion_cmd->add_option("SHELL", shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion_cmd->footer(
      "Examples:\n"
      "  # this shell only\n"
      "  source <(flowmon completion bash)\n"
      "  flowmon completion zsh > ~/.zfunc/_flowmon\n"
      "  flowmon completion fish > ~/.config/fish/completions/flowmon.fish");
  // The build writes the man pages with this (CMakeLists.txt): hidden.
  std::vector<std::string> man_words;
  CLI::App* man_cmd = app.add_subcommand("manpage", "Print a man page (roff)");
  man_cmd->group("");
  man_cmd->add_option("COMMAND", man_words, "Subcommand words (none: flowmon)");

  FilterOptions filter;
  TestPatternOptions test_pattern;
  MetricCommandOptions metric;
  AlarmOptions alarm;
  CheckOptions check;
  TopOptions top;
  QueryOptions query;
  AthenaOptions athena;
  FieldsOptions fields;
  DetectOptions detect;
  GenOptions gen;
  struct Command {
    CLI::App* app;
    std::function<int()> run;
    // The flow-log inputs the subcommand reads, or null when it reads none.
    std::function<const InputOptions*()> input = [] { return nullptr; };
  };
  // An empty --datapoints means the alarm reads records; `--datapoints -`
  // reads stdin as records would, and a terminal there gets the usage too.
  InputOptions datapoints_stdin;
  datapoints_stdin.inputs = {"-"};
  const auto alarm_input = [&]() -> const InputOptions* {
    if (alarm.datapoints == "-") return &datapoints_stdin;
    return alarm.datapoints.empty() ? &alarm.metric.input : nullptr;
  };
  const Command commands[] = {
      {SetupFilter(&app, &filter), [&] { return RunFilter(filter, global); },
       [&] { return &filter.input; }},
      {SetupTestPattern(&app, &test_pattern),
       [&] { return RunTestPattern(test_pattern, global); },
       [&] { return &test_pattern.input; }},
      {SetupMetric(&app, &metric), [&] { return RunMetric(metric, global); },
       [&] { return &metric.metric.input; }},
      {SetupAlarm(&app, &alarm), [&] { return RunAlarm(alarm, global); },
       alarm_input},
      {SetupCheck(&app, &check), [&] { return RunCheck(check, global); },
       [&] { return &check.input; }},
      {SetupTop(&app, &top), [&] { return RunTop(top, global); },
       [&] { return &top.input; }},
      {SetupQuery(&app, &query), [&] { return RunQuery(query, global); },
       [&] { return &query.input; }},
      {SetupAthena(&app, &athena), [&] { return RunAthena(athena, global); }},
      {SetupFields(&app, &fields), [&] { return RunFields(fields, global); }},
      {SetupDetect(&app, &detect), [&] { return RunDetect(detect, global); },
       [&]() -> const InputOptions* {
         return detect.list_settings ? nullptr : &detect.input;
       }},
      {SetupGen(&app, &gen), [&] { return RunGen(gen, global); }},
      {version_cmd,
       [&] {
         WriteOutput(stdout, std::string(kVersionText) + "\n");
         return kExitOk;
       }},
      {completion_cmd,
       [&] {
         WriteOutput(stdout, CompletionScript(app, shell));
         return kExitOk;
       }},
      {man_cmd,
       [&] {
         const std::string page = ManPage(app, man_words, FLOWMON_VERSION);
         if (page.empty()) {
           spdlog::error("no subcommand '{}'", fmt::join(man_words, " "));
           return kExitUsage;
         }
         WriteOutput(stdout, page);
         return kExitOk;
       }},
  };

  // Set before parsing: a failed write of --help reports through it.
  auto logger = NewStderrLogger();
  logger->set_pattern("flowmon: %v");
  logger->set_level(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --help-all, --version
    std::ostringstream out;
    const int code = app.exit(e, out, std::cerr);
    return PrintResult(out.str(), code == 0 ? kExitOk : kExitUsage);
  } catch (const CLI::ParseError& e) {
    // Our words for a mistyped name; CLI11's, prefixed, for the rest.
    std::string message = UnknownWordMessage(app, argc, argv);
    if (message.empty()) message = e.what();
    std::cerr << "flowmon: " << message << " (see '"
              << CommandWords(app, argc, argv) << " --help')\n";
    return kExitUsage;
  }
  global.verbosity = quiet ? -1 : verbose;
  global.color = UseColor(color);
  logger->set_level(global.verbosity < 0    ? spdlog::level::err
                    : global.verbosity == 0 ? spdlog::level::warn
                    : global.verbosity == 1 ? spdlog::level::info
                                            : spdlog::level::debug);
  // A result nobody can see (a full disk, a reader gone with SIGPIPE
  // ignored) ends the input, as a signal does but without one: the run
  // still finishes and exits 3 naming stdout (FinishRun).
  SetStdoutFailureListener([] { RequestInputStop(); });
  // A header line or --format naming a field newer than this flowmon: the
  // records are still read, the field as a string; say so once per name.
  SetUnknownFieldListener([](const FlowField& f) {
    spdlog::warn(
        "field '{}' is not one flowmon knows (newer than this flowmon?): "
        "its values are read as strings; 'flowmon fields' lists the known "
        "ones",
        f.name);
  });
  try {
    for (const Command& c : commands) {
      if (!c.app->parsed()) continue;
      // Waiting silently on a terminal looks like a hang: say how to use it.
      const InputOptions* input = c.input();
      if (input != nullptr && StdinIsTerminal(*input, *c.app)) {
        return kExitUsage;
      }
      if (input != nullptr) InstallAwsInputs(*input);
      const int code = FinishRun(c.run());
      if (StopSignal() != 0) {
        // A signal ended the input (or, after it, the evaluation): what came
        // out covers only part of it, whatever the run would have said;
        // 128 + the signal, as a shell reports it.
        if (EvaluationStopRequested()) {
          spdlog::error(
              "interrupted by signal {} while evaluating: the results above "
              "are partial",
              StopSignal());
        } else {
          spdlog::error(
              "interrupted by signal {}: the input ended there, and the "
              "results above cover only what was read before it",
              StopSignal());
        }
        return 128 + StopSignal();
      }
      return code;
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return kExitUsage;
  }
  return kExitUsage;
}
