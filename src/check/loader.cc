// LoadCheckConfig: reads each file, hands it to the reader of its dialect,
// joins what they define; and ObjectReader, which they all read with.
#include "check/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "flowmon/core/number.h"

namespace flowmon {
namespace check {
namespace {

bool Has(object o, std::string_view key) {
  return o[key].error() == simdjson::SUCCESS;
}

bool Contains(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

Status LoadFile(const std::string& path, simdjson::dom::parser* parser,
                Definitions* defs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(Located(path, "cannot open"));
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  element root;
  if (auto e = parser->parse(text).get(root); e != simdjson::SUCCESS) {
    return ErrorAt(path,
                   fmt::format("invalid JSON: {}", simdjson::error_message(e)));
  }
  object top;
  if (root.get_object().get(top) != simdjson::SUCCESS) {
    return ErrorAt(path, "expected a JSON object");
  }
  ObjectReader file(top, path, &defs->out->warnings);
  if (Has(top, "metricFilters")) {
    DescribeMetricFilters(file, defs);
  } else if (Has(top, "MetricAlarms") || Has(top, "CompositeAlarms")) {
    DescribeAlarms(file, defs);
  } else if (Has(top, "Resources")) {
    CloudFormation(file, defs);
  } else if (Has(top, "monitors") || Has(top, "expectations")) {
    FlowmonFormat(file, defs);
  } else {
    return ErrorAt(
        path,
        "not a config flowmon knows (expected describe-metric-filters or "
        "describe-alarms output, a CloudFormation template, or {\"monitors\": "
        "...})");
  }
  return file.status();
}

}  // namespace

std::string Located(std::string_view where, std::string_view what) {
  return fmt::format("{}: {}", where, what);
}

Status ErrorAt(std::string_view where, std::string_view what) {
  return Status::InvalidArgument(Located(where, what));
}

ObjectReader& ObjectReader::Fail(std::string_view what) {
  return Adopt(ErrorAt(where_, what));
}

ObjectReader& ObjectReader::Adopt(const Status& s) {
  if (ok()) status_ = s;
  return *this;
}

ObjectReader& ObjectReader::Check(const Status& s) {
  return s.ok() ? *this : Fail(s.message());
}

void ObjectReader::Warn(std::string_view what) {
  if (ok()) warnings_->push_back(Located(where_, what));
}

ObjectReader& ObjectReader::Keys(std::initializer_list<std::string_view> known,
                                 std::span<const std::string_view> unsupported,
                                 std::span<const std::string_view> also_known) {
  for (auto kv : o_) {
    if (!ok()) break;
    const std::string_view key = kv.key;
    if (Contains(unsupported, key)) {
      Fail(fmt::format("'{}' is not supported by flowmon check", key));
    } else if (!Contains(known, key) && !Contains(also_known, key)) {
      Warn(fmt::format("unknown key '{}' (ignored)", key));
    }
  }
  return *this;
}

bool ObjectReader::Find(std::string_view key, Need need, element* e) {
  if (!ok()) return false;
  if (o_[key].get(*e) == simdjson::SUCCESS) return true;
  if (need == Need::kRequired) Fail(fmt::format("missing '{}'", key));
  return false;
}

ObjectReader& ObjectReader::String(std::string_view key, std::string* out,
                                   Need need) {
  element e;
  if (!Find(key, need, &e)) return *this;
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) {
    out->assign(s);
    return *this;
  }
  if (e.is_object()) return Intrinsic(key);
  return Fail(fmt::format("'{}' must be a string", key));
}

ObjectReader& ObjectReader::Number(std::string_view key,
                                   std::optional<double>* out, Need need) {
  element e;
  if (!Find(key, need, &e)) return *this;
  double d;
  std::string_view s;
  if (e.get_double().get(d) == simdjson::SUCCESS ||
      (e.get_string().get(s) == simdjson::SUCCESS && ParseNumber(s, &d))) {
    *out = d;
    return *this;
  }
  if (e.is_object()) return Intrinsic(key);
  return Fail(fmt::format("'{}' must be a number", key));
}

ObjectReader& ObjectReader::Number(std::string_view key, double* out,
                                   Need need) {
  std::optional<double> d;
  if (Number(key, &d, need).ok() && d) *out = *d;
  return *this;
}

ObjectReader& ObjectReader::Integer(std::string_view key, int64_t* out,
                                    Need need) {
  std::optional<double> d;
  if (Number(key, &d, need).ok() && d) *out = static_cast<int64_t>(*d);
  return *this;
}

ObjectReader& ObjectReader::Integer(std::string_view key, int* out, Need need) {
  int64_t n = *out;
  if (Integer(key, &n, need).ok()) *out = static_cast<int>(n);
  return *this;
}

ObjectReader& ObjectReader::NamedPairs(
    array list, std::string_view key_name,
    std::vector<std::pair<std::string, std::string>>* out) {
  return Parts(list, "a dimension must be an object", [&](ObjectReader& pair) {
    std::string key, value;
    pair.String(key_name, &key, Need::kRequired);
    pair.String("Value", &value, Need::kRequired);
    if (pair.ok()) out->emplace_back(std::move(key), std::move(value));
  });
}

ObjectReader& ObjectReader::Parts(
    array list, std::string_view not_object,
    const std::function<void(ObjectReader&)>& each) {
  for (element e : list) {
    if (!ok()) break;
    object o;
    if (e.get_object().get(o) != simdjson::SUCCESS) return Fail(not_object);
    ObjectReader part = Part(o);
    each(part);
    Adopt(part.status());
  }
  return *this;
}

ObjectReader& ObjectReader::Elements(
    array list, std::string_view name,
    const std::function<void(ObjectReader&)>& each) {
  size_t i = 0;
  for (element e : list) {
    if (!ok()) break;
    Nested(e, fmt::format("{}[{}]", name, i++), each);
  }
  return *this;
}

ObjectReader& ObjectReader::Members(
    object map, std::string_view name,
    const std::function<void(std::string_view, ObjectReader&)>& each) {
  for (auto kv : map) {
    if (!ok()) break;
    Nested(kv.value, fmt::format("{}.{}", name, kv.key),
           [&](ObjectReader& member) { each(kv.key, member); });
  }
  return *this;
}

ObjectReader& ObjectReader::Nested(
    element e, std::string_view path,
    const std::function<void(ObjectReader&)>& each) {
  ObjectReader nested(object(), Located(where_, path), warnings_);
  if (e.get_object().get(nested.o_) != simdjson::SUCCESS) {
    nested.Fail("expected an object");
  } else {
    each(nested);
  }
  return Adopt(nested.status());
}

ObjectReader& ObjectReader::Intrinsic(std::string_view key) {
  return Fail(fmt::format(
      "'{}' is an intrinsic function or reference; flowmon check needs the "
      "literal value",
      key));
}

}  // namespace check

Status LoadCheckConfig(const std::vector<std::string>& files,
                       CheckConfig* out) {
  check::Definitions defs(out);
  simdjson::dom::parser parser;
  for (const std::string& f : files) {
    if (Status s = check::LoadFile(f, &parser, &defs); !s.ok()) return s;
  }
  if (Status s = check::Join(&defs); !s.ok()) return s;
  if (out->monitors.empty()) {
    return Status::InvalidArgument("the configs define no alarm to check");
  }
  return Status::Ok();
}

}  // namespace flowmon
