// flowmon: filter, count and alarm on AWS VPC Flow Logs, offline.
#include <spdlog/spdlog.h>

#include <functional>

#include "commands.h"
#include "flowmon/ingest/source.h"
#include "process_output.h"

int main(int argc, char** argv) {
  using namespace flowmon;
  CLI::App app{
      "flowmon: filter, count and alarm on AWS VPC Flow Logs, offline, "
      "with CloudWatch semantics"};
  app.set_version_flag("--version", "flowmon 0.1.0");
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
  app.add_flag("-v,--verbose", verbose, "More messages on stderr (-vv: debug)");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");

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
  // An empty --datapoints means the alarm reads records.
  const auto alarm_input = [&]() -> const InputOptions* {
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
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  global.verbosity = quiet ? -1 : verbose;
  auto logger = NewStderrLogger();
  logger->set_pattern("flowmon: %v");
  logger->set_level(global.verbosity < 0    ? spdlog::level::err
                    : global.verbosity == 0 ? spdlog::level::warn
                    : global.verbosity == 1 ? spdlog::level::info
                                            : spdlog::level::debug);
  spdlog::set_default_logger(logger);
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
      if (EvaluationStopRequested()) {
        // Stopped while evaluating (after the input): what came out is
        // partial; 128 + the signal, as a shell reports it.
        spdlog::error(
            "interrupted by signal {} while evaluating: the results above "
            "are partial",
            StopSignal());
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
