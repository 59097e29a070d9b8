// flowmon top: the biggest keys by flows, packets or bytes (nfdump's
// statistics).
#include <fmt/compile.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "chart.h"
#include "commands.h"
#include "flowmon/core/csv_writer.h"
#include "flowmon/core/human_text.h"
#include "flowmon/core/json_writer.h"
#include "flowmon/core/number.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "flowmon/core/utf8.h"
#include "flowmon/sinks/printer.h"
#include "flowmon/sinks/top.h"
#include "option_checks.h"

namespace flowmon {
namespace {

// Output is written a part at a time: with --limit 0 a table can have a
// row for each of millions of keys, never held whole.
constexpr size_t kFlushBytes = size_t{64} << 10;

void FlushPart(fmt::memory_buffer* out) {
  if (out->size() < kFlushBytes) return;
  WriteOutput(stdout, std::string_view(out->data(), out->size()));
  out->clear();
}

// Whether part's cells are shown otherwise than as keyed (KeyText).
bool NamedKey(const TopKeyPart& part) {
  return part.kind == TopKeyPart::Kind::kField && part.field == "protocol";
}

// A key cell as people read it: protocol numbers by name (TCP, UDP, ICMP).
std::string KeyText(const TopKeyPart& part, const std::string& key) {
  if (NamedKey(part) && IsDecimalDigits(key) && key.size() <= 3)
    return ProtocolName(std::stoi(key));
  return key;
}

// Appends `text` padded with spaces to `width` columns, aligned left or
// right.
void AppendPadded(std::string* line, std::string_view text, size_t width,
                  bool left) {
  if (!IsAscii(text)) {
    // fmt pads to the width in columns, not bytes.
    if (left) {
      fmt::format_to(std::back_inserter(*line), "{:<{}}", text, width);
    } else {
      fmt::format_to(std::back_inserter(*line), "{:>{}}", text, width);
    }
    return;
  }
  // Spaces appended from a constant: append(count, ' ') costs several
  // times as much, once a cell.
  static constexpr std::string_view kSpaces =
      "                                ";
  auto pad = [&](size_t count) {
    for (; count > 0; count -= std::min(count, kSpaces.size()))
      line->append(kSpaces.substr(0, std::min(count, kSpaces.size())));
  };
  const size_t spaces = width > text.size() ? width - text.size() : 0;
  if (!left) pad(spaces);
  line->append(text);
  if (left) pad(spaces);
}

// The text table: the key columns, then flows, packets and bytes (nfdump's
// statistics), the share of the order column and its bar.
template <typename Share, typename Value>
void AppendTopTable(const std::vector<TopKeyPart>& parts,
                    const std::vector<uint32_t>& ranked, const TopSink& sink,
                    Share share_of, Value value_of, bool color,
                    fmt::memory_buffer* out) {
  auto it = std::back_inserter(*out);
  std::vector<size_t> widths;
  for (const TopKeyPart& p : parts)
    widths.push_back(std::max<size_t>(p.label.size(), 4));
  double scale = 0;
  sink.ForEachRow(ranked, [&](const TopRow& r) {
    scale = std::max(scale, value_of(r));
    for (size_t i = 0; i < r.key.size(); ++i) {
      const size_t size = NamedKey(parts[i])
                              ? KeyText(parts[i], r.key[i]).size()
                              : r.key[i].size();
      widths[i] = std::max(widths[i], size);
    }
  });
  for (size_t i = 0; i < parts.size(); ++i)
    fmt::format_to(it, "{:<{}}  ", parts[i].label, widths[i]);
  fmt::format_to(it, "{:>11}  {:>13}  {:>10}  {:>6}\n", "FLOWS", "PACKETS",
                 "BYTES", "SHARE");
  constexpr int kBarWidth = 30;
  std::vector<std::string> bars;  // by cells filled: one per row repeats
  for (int c = 0; c <= kBarWidth; ++c)
    bars.push_back(Bar(c, kBarWidth, kBarWidth, std::nullopt, color));
  // A row is put together in `line` (a string's appends cost less than
  // the buffer's), then appended whole.
  std::string line;
  sink.ForEachRow(ranked, [&](const TopRow& r) {
    line.clear();
    for (size_t i = 0; i < r.key.size(); ++i) {
      if (NamedKey(parts[i])) {
        AppendPadded(&line, KeyText(parts[i], r.key[i]), widths[i], true);
      } else {
        AppendPadded(&line, r.key[i], widths[i], true);
      }
      line.append("  ");
    }
    AppendPadded(&line, GroupThousands(static_cast<double>(r.count)), 11,
                 false);
    line.append("  ");
    AppendPadded(&line, GroupThousands(r.packets), 13, false);
    line.append("  ");
    AppendPadded(&line, HumanBytes(r.bytes), 10, false);
    fmt::format_to(std::back_inserter(line), FMT_COMPILE("  {:>5.1f}%  "),
                   100 * share_of(r));
    line.append(
        bars[static_cast<size_t>(BarCells(value_of(r), scale, kBarWidth))]);
    line.push_back('\n');
    out->append(line);
    FlushPart(out);
  });
  fmt::format_to(it, "{} keys shown of {} flows, {} packets, {} in all\n",
                 GroupThousands(static_cast<double>(ranked.size())),
                 GroupThousands(static_cast<double>(sink.total_count())),
                 GroupThousands(sink.total_packets()),
                 HumanBytes(sink.total_bytes()));
}

}  // namespace

CLI::App* SetupTop(CLI::App* app, TopOptions* o) {
  CLI::App* cmd = app->add_subcommand(
      "top",
      "The top keys (addresses, ports, CIDR or time buckets) with their "
      "flows, packets and bytes");
  cmd->add_option("--by", o->by,
                  "Key: fields, CIDR buckets or time buckets, comma-separated "
                  "(srcaddr; srcaddr/24; srcaddr/24/64: IPv4 /24, IPv6 /64; "
                  "dstport,protocol; 5m)")
      ->required();
  cmd->add_option("--where", o->where,
                  "Only records matching this filter pattern");
  cmd->add_option("--order", o->order,
                  "Rank by flows (records; the default), packets or bytes");
  cmd->add_option("--sum", o->sum, "bytes or packets: --order's older name");
  cmd->add_option("--limit", o->limit, "Rows to show (0: all)")
      ->check(WholeAtLeast(0))
      ->capture_default_str();
  AddTimeRangeOptions(cmd, &o->range);
  cmd->add_option("-o,--output", o->output, "text, csv, tsv, json or ndjson")
      ->capture_default_str();
  cmd->add_option("INPUT", o->input.inputs,
                  "Files or directories (recursive); '-' or none: stdin");
  AddInputOptions(cmd, &o->input);
  cmd->footer(
      "Examples:\n"
      "  # the top 20 sources of rejected traffic (Logs Insights' sample "
      "query)\n"
      "  flowmon top --by srcaddr --where '[..., action=REJECT, status]' "
      "samples/v2.log\n"
      "  # bytes by destination /16 and port\n"
      "  flowmon top --by dstaddr/16,dstport --order bytes samples/AWSLogs/\n"
      "  # rejected records per 5 minutes\n"
      "  flowmon top --by 5m --where 'REJECT' --limit 0 -o csv samples/v2.log");
  return cmd;
}

int RunTop(const TopOptions& o, const GlobalOptions& global) {
  PipelineOptions options;
  if (Status s = BuildPipelineOptions(o.input, &options); !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  std::vector<TopKeyPart> parts;
  size_t pos = 0;
  while (pos <= o.by.size()) {
    size_t comma = o.by.find(',', pos);
    if (comma == std::string::npos) comma = o.by.size();
    Result<TopKeyPart> p = TopKeyPart::Parse(
        std::string_view(o.by).substr(pos, comma - pos), options.schema);
    if (!p.ok()) {
      spdlog::error("{}", p.status().message());
      return kExitUsage;
    }
    parts.push_back(std::move(*p));
    pos = comma + 1;
  }
  if (!o.sum.empty() && o.sum != "bytes" && o.sum != "packets") {
    spdlog::error("--sum must be bytes or packets");
    return kExitUsage;
  }
  if (!o.sum.empty() && !o.order.empty() && o.sum != o.order) {
    spdlog::error(
        "--sum {} and --order {}: give one (--sum is --order's "
        "older name)",
        o.sum, o.order);
    return kExitUsage;
  }
  const std::string order_name = !o.order.empty() ? o.order
                                 : !o.sum.empty() ? o.sum
                                                  : "flows";
  TopOrder order;
  if (order_name == "flows") {
    order = TopOrder::kFlows;
  } else if (order_name == "packets") {
    order = TopOrder::kPackets;
  } else if (order_name == "bytes") {
    order = TopOrder::kBytes;
  } else {
    spdlog::error("--order must be flows, packets or bytes, not '{}'",
                  order_name);
    return kExitUsage;
  }
  Result<OutputFormat> format = ParseOutputFormat(o.output);
  if (!format.ok()) {
    spdlog::error("{}", format.status().message());
    return kExitUsage;
  }
  Result<CompiledPattern> pattern =
      CompiledPattern::Compile(o.where.empty() ? "[]" : o.where);
  if (!pattern.ok()) {
    spdlog::error("{}", pattern.status().message());
    return kExitUsage;
  }
  if (options.schema.raw()) {
    spdlog::error("top needs flow-log records: not with --format raw");
    return kExitUsage;
  }
  if (Status s = ParseTimeRange(o.range, &options.since, &options.until);
      !s.ok()) {
    spdlog::error("{}", s.message());
    return kExitUsage;
  }
  options.pattern = &*pattern;
  TopSink sink(parts, order);
  Diagnostics diag = MakeDiagnostics(o.input);
  RunInputs(o.input, global, /*progress=*/true, &options, &sink, &diag);
  // A name flowmon does not know is a field only if a header line brought
  // it; else it was a mistake, as if told before reading.
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].known && !sink.met(i)) {
      spdlog::error("{}", UnknownByField(parts[i].label, parts[i].field));
      return kExitUsage;
    }
  }
  if (sink.unkeyed() > 0) {
    spdlog::warn("{} records have no time for '{}' and were not counted",
                 sink.unkeyed(), o.by);
  }
  for (const auto& [field, without] :
       {std::pair<const char*, uint64_t>{"packets", sink.without_packets()},
        {"bytes", sink.without_bytes()}}) {
    if (without > 0) {
      spdlog::warn(
          "{} records have no {} field: counted as flows, not in "
          "the {} column",
          without, field, field);
    }
  }
  // Rows are made one at a time as they are written: with --limit 0 there
  // may be millions.
  const std::vector<uint32_t> ranked = sink.Ranked(o.limit, options.threads);
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  auto value_of = [&](const TopRow& r) {
    return OrderValue(order, r.count, r.packets, r.bytes);
  };
  const double total = OrderValue(order, sink.total_count(),
                                  sink.total_packets(), sink.total_bytes());
  auto share_of = [&](const TopRow& r) {
    return total > 0 ? value_of(r) / total : 0;
  };
  switch (*format) {
    case OutputFormat::kText:
      AppendTopTable(parts, ranked, sink, share_of, value_of, global.color,
                     &out);
      break;
    case OutputFormat::kCsv:
    case OutputFormat::kTsv: {
      const char sep = *format == OutputFormat::kCsv ? ',' : '\t';
      for (const TopKeyPart& p : parts) {
        AppendCsvField(&out, p.label, sep);
        out.push_back(sep);
      }
      fmt::format_to(it, "flows{0}packets{0}bytes{0}share\n", sep);
      sink.ForEachRow(ranked, [&](const TopRow& r) {
        for (const std::string& k : r.key) {
          // A field with no value ("-") is CSV's null, an empty cell, as
          // filter writes it (docs/output.md).
          if (k != "-") AppendCsvField(&out, k, sep);
          out.push_back(sep);
        }
        // "{}" of a double is Number's text, without its string.
        fmt::format_to(it, FMT_COMPILE("{1}{0}{2}{0}{3}{0}{4}\n"), sep, r.count,
                       r.packets, r.bytes, share_of(r));
        FlushPart(&out);
      });
      break;
    }
    case OutputFormat::kJson:
    case OutputFormat::kNdjson: {
      const bool array = *format == OutputFormat::kJson;
      if (array) out.push_back('[');
      bool first = true;
      sink.ForEachRow(ranked, [&](const TopRow& r) {
        if (array) out.append(std::string_view(first ? "\n" : ",\n"));
        first = false;
        out.push_back('{');
        for (size_t i = 0; i < parts.size(); ++i) {
          AppendJsonString(&out, parts[i].label);
          out.push_back(':');
          const FlowField* f = FindFlowField(parts[i].field);
          if (parts[i].kind == TopKeyPart::Kind::kField && f != nullptr &&
              f->type == FieldType::kInt && IsJsonNumber(r.key[i])) {
            out.append(r.key[i]);
          } else if (r.key[i] == "-") {
            out.append(std::string_view("null"));
          } else {
            AppendJsonString(&out, r.key[i]);
          }
          out.push_back(',');
        }
        fmt::format_to(it,
                       FMT_COMPILE("\"flows\":{},\"packets\":{},\"bytes\":{},"
                                   "\"share\":{}}}"),
                       r.count, r.packets, r.bytes, share_of(r));
        if (!array) out.push_back('\n');
        FlushPart(&out);
      });
      if (array) out.append(std::string_view(ranked.empty() ? "]\n" : "\n]\n"));
      break;
    }
  }
  WriteOutput(stdout, std::string_view(out.data(), out.size()));
  // An input without a key field is one top could not answer for: never a
  // quiet empty table (Transit Gateway flow logs have no action).
  if (sink.absent() > 0) {
    for (const TopMissingField& m : sink.missing_fields()) {
      spdlog::error("--by {}: the format {} has no field '{}'", o.by, m.format,
                    m.field);
    }
    spdlog::error("{} records without it were not counted", sink.absent());
  }
  if (const int code = InputExitCode(o.input, diag); code >= 0) return code;
  if (sink.absent() > 0) return kExitInput;
  return ranked.empty() ? kExitNoMatch : kExitOk;
}

}  // namespace flowmon
