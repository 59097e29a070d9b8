// LoadCheckConfig: reads each file, hands it to the reader of its dialect,
// joins and selects what they define; and ObjectReader, which they all read
// with.
#include "check/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "flowmon/core/number.h"
#include "flowmon/core/text_file.h"

namespace flowmon {
namespace check {
namespace {

Status LoadFile(const std::string& path, Definitions* defs) {
  // Says why a file cannot be read, and that a folder is not a config.
  Result<std::string> read = ReadTextFile(path);
  if (!read.ok()) return read.status();
  const std::string& text = *read;
  const bool json = LooksLikeJson(text);
  Result<ConfigValue> root =
      json ? ParseJsonConfig(path, text) : ParseYamlConfig(path, text);
  if (!root.ok()) return root.status();
  const ConfigValue& top = *root;
  if (!top.is_map()) {
    return ErrorAt(path, json ? "expected a JSON object"
                              : "expected a YAML mapping at the top");
  }
  ObjectReader file(top, path, "", &defs->warnings);
  if (top.Find("metricFilters")) {
    DescribeMetricFilters(file, defs);
  } else if (top.Find("MetricAlarms") || top.Find("CompositeAlarms")) {
    DescribeAlarms(file, defs);
  } else if (top.Find("Resources")) {
    CloudFormation(file, defs);
  } else if (top.Find("format_version")) {
    Terraform(file, defs);
  } else if (top.Find("monitors") || top.Find("expectations")) {
    FlowmonFormat(file, defs);
  } else {
    return ErrorAt(
        path,
        "not a config flowmon knows (expected describe-metric-filters or "
        "describe-alarms output, a CloudFormation template, terraform show "
        "-json output, or {\"monitors\": ...})");
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

ObjectReader::ObjectReader(const ConfigValue& o, std::string file,
                           std::string path, std::vector<std::string>* warnings)
    : o_(&o),
      line_(o.line),
      file_(std::move(file)),
      path_(std::move(path)),
      warnings_(warnings) {}

std::string_view ObjectReader::Key(std::string_view key) const {
  for (const auto& [name, spelled] : spelling_)
    if (name == key) return spelled;
  return key;
}

const ConfigValue* ObjectReader::Get(std::string_view key) const {
  key = Key(key);
  if (std::find(ignored_.begin(), ignored_.end(), key) != ignored_.end())
    return nullptr;
  return o_->Find(key);
}

std::string ObjectReader::WhereAt(int line) const {
  if (line == 0) line = line_;
  std::string out = file_;
  if (line > 0) out += fmt::format(":{}", line);
  if (!path_.empty()) out += ": " + path_;
  return out;
}

ObjectReader ObjectReader::Reader(const ConfigValue& o,
                                  std::string path) const {
  ObjectReader reader(o, file_, std::move(path), warnings_);
  reader.held_ = held_;
  reader.held_at_ = held_at_;
  return reader;
}

ObjectReader ObjectReader::Held() const {
  ObjectReader held(*o_, file_, path_, nullptr);
  held.line_ = line_;
  held.held_at_ = warnings_ != nullptr ? warnings_->size() : 0;
  held.held_ = std::make_shared<std::vector<std::string>>();
  held.warnings_ = held.held_.get();
  held.spelling_ = spelling_;
  held.ignored_ = ignored_;
  return held;
}

std::vector<std::string> ObjectReader::HeldWarnings() const {
  return held_ ? *held_ : std::vector<std::string>();
}

ObjectReader& ObjectReader::Fail(std::string_view what) {
  return Adopt(ErrorAt(where(), what));
}

ObjectReader& ObjectReader::FailAt(const ConfigValue& v,
                                   std::string_view what) {
  return Adopt(ErrorAt(WhereAt(v.line), what));
}

ObjectReader& ObjectReader::Adopt(const Status& s) {
  if (ok()) status_ = s;
  return *this;
}

ObjectReader& ObjectReader::Check(const Status& s) {
  return s.ok() ? *this : Fail(s.message());
}

void ObjectReader::WarnAt(int line, std::string_view what) {
  if (ok()) warnings_->push_back(Located(WhereAt(line), what));
}

ObjectReader& ObjectReader::Keys(
    std::initializer_list<std::string_view> known,
    std::initializer_list<std::span<const std::string_view>> also_known) {
  auto listed = [&](std::span<const std::string_view> names,
                    std::string_view key) {
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return Key(n) == key; });
  };
  for (const auto& [key, value] : o_->map) {
    if (!ok()) break;
    bool is_known = listed(std::span(known.begin(), known.size()), key);
    for (std::span<const std::string_view> list : also_known)
      is_known = is_known || listed(list, key);
    if (!is_known)
      WarnAt(value.line, fmt::format("unknown key '{}' (ignored)", key));
  }
  return *this;
}

ObjectReader& ObjectReader::IgnoreIntrinsics(
    std::span<const std::string_view> keys) {
  for (std::string_view name : keys) {
    const ConfigValue* v = Get(name);
    if (v == nullptr) continue;
    const std::string_view function = v->FirstIntrinsic();
    if (function.empty()) continue;
    WarnAt(v->line, fmt::format("'{}' uses {}: ignored, as it does not "
                                "change the evaluation",
                                Key(name), function));
    ignored_.push_back(Key(name));
  }
  return *this;
}

const ConfigValue* ObjectReader::Find(std::string_view key, Need need) {
  if (!ok()) return nullptr;
  if (const ConfigValue* v = Get(key)) return v;
  if (need == Need::kRequired) Fail(fmt::format("missing '{}'", Key(key)));
  return nullptr;
}

ObjectReader& ObjectReader::String(std::string_view key, std::string* out,
                                   Need need) {
  const ConfigValue* v = Find(key, need);
  if (v == nullptr) return *this;
  if (v->kind == ConfigValue::Kind::kString) {
    *out = v->string;
    return *this;
  }
  if (v->is_map()) return Intrinsic(key, *v);
  return FailAt(*v, fmt::format("'{}' must be a string", Key(key)));
}

ObjectReader& ObjectReader::Number(std::string_view key,
                                   std::optional<double>* out, Need need) {
  const ConfigValue* v = Find(key, need);
  if (v == nullptr) return *this;
  double d;
  if (v->kind == ConfigValue::Kind::kNumber) {
    *out = v->number;
    return *this;
  }
  if (v->kind == ConfigValue::Kind::kString && ParseNumber(v->string, &d)) {
    *out = d;
    return *this;
  }
  if (v->is_map()) return Intrinsic(key, *v);
  return FailAt(*v, fmt::format("'{}' must be a number", Key(key)));
}

ObjectReader& ObjectReader::Number(std::string_view key, double* out,
                                   Need need) {
  std::optional<double> d;
  if (Number(key, &d, need).ok() && d) *out = *d;
  return *this;
}

namespace {

// The largest integer every double up to it holds exactly (2^53).
constexpr int64_t kMaxExactInteger = int64_t{1} << 53;

}  // namespace

ObjectReader& ObjectReader::Integer(std::string_view key, int64_t* out,
                                    Need need) {
  return Integer(key, out, need, -kMaxExactInteger, kMaxExactInteger);
}

ObjectReader& ObjectReader::Integer(std::string_view key, int* out, Need need) {
  int64_t n = *out;
  if (Integer(key, &n, need, std::numeric_limits<int>::min(),
              std::numeric_limits<int>::max())
          .ok()) {
    *out = static_cast<int>(n);
  }
  return *this;
}

ObjectReader& ObjectReader::Integer(std::string_view key, int64_t* out,
                                    Need need, int64_t min, int64_t max) {
  std::optional<double> d;
  if (!Number(key, &d, need).ok() || !d) return *this;
  // Checked as a double, before any conversion: 2.16e18 or 1e300 would
  // overflow the cast, and 2.5 is not a count of anything.
  if (!(*d >= static_cast<double>(min) && *d <= static_cast<double>(max)) ||
      *d != std::floor(*d)) {
    const ConfigValue* v = Get(key);
    return FailAt(*v, fmt::format("'{}' must be a whole number from {} to {}",
                                  Key(key), min, max));
  }
  *out = static_cast<int64_t>(*d);
  return *this;
}

ObjectReader& ObjectReader::Map(std::string_view key, const ConfigValue** out,
                                Need need) {
  const ConfigValue* v = Find(key, need);
  if (v == nullptr) return *this;
  if (!v->Intrinsic().empty()) return Intrinsic(key, *v);
  if (v->is_map()) {
    *out = v;
    return *this;
  }
  return FailAt(*v, fmt::format("'{}' must be an object", Key(key)));
}

ObjectReader& ObjectReader::List(std::string_view key, const ConfigValue** out,
                                 Need need) {
  const ConfigValue* v = Find(key, need);
  if (v == nullptr) return *this;
  if (v->is_list()) {
    *out = v;
    return *this;
  }
  if (v->is_map()) return Intrinsic(key, *v);
  return FailAt(*v, fmt::format("'{}' must be a list", Key(key)));
}

ObjectReader& ObjectReader::Bool(std::string_view key, bool* out) {
  const ConfigValue* v = Find(key, Need::kOptional);
  if (v == nullptr) return *this;
  if (v->kind == ConfigValue::Kind::kBool) {
    *out = v->boolean;
  } else if (v->kind == ConfigValue::Kind::kString &&
             (v->string == "true" || v->string == "false")) {
    *out = v->string == "true";
  } else if (v->is_map()) {
    return Intrinsic(key, *v);
  } else {
    return FailAt(*v, fmt::format("'{}' must be true or false", Key(key)));
  }
  return *this;
}

ObjectReader& ObjectReader::NamedPairs(
    const ConfigValue& list, std::string_view key_name,
    std::vector<std::pair<std::string, std::string>>* out) {
  return Parts(list, "a dimension must be an object", [&](ObjectReader& pair) {
    std::string key, value;
    pair.String(key_name, &key, Need::kRequired);
    pair.String("Value", &value, Need::kRequired);
    if (pair.ok()) out->emplace_back(std::move(key), std::move(value));
  });
}

ObjectReader ObjectReader::Part(const ConfigValue& o) const {
  ObjectReader part = *this;
  part.o_ = &o;
  part.ignored_.clear();
  return part;
}

ObjectReader& ObjectReader::Parts(
    const ConfigValue& list, std::string_view not_object,
    const std::function<void(ObjectReader&)>& each) {
  for (const ConfigValue& e : list.list) {
    if (!ok()) break;
    if (!e.is_map()) return FailAt(e, not_object);
    ObjectReader part = Part(e);
    each(part);
    Adopt(part.status());
  }
  return *this;
}

ObjectReader& ObjectReader::Elements(
    const ConfigValue& list, std::string_view name,
    const std::function<void(ObjectReader&)>& each) {
  size_t i = 0;
  for (const ConfigValue& e : list.list) {
    if (!ok()) break;
    Nested(e, fmt::format("{}[{}]", name, i++), each);
  }
  return *this;
}

ObjectReader& ObjectReader::Members(
    const ConfigValue& map, std::string_view name,
    const std::function<void(std::string_view, ObjectReader&)>& each) {
  for (const auto& member_entry : map.map) {
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const std::string& key = member_entry.first;
    if (!ok()) break;
    Nested(member_entry.second, fmt::format("{}.{}", name, key),
           [&](ObjectReader& member) { each(key, member); });
  }
  return *this;
}

ObjectReader& ObjectReader::Nested(
    const ConfigValue& v, std::string_view path,
    const std::function<void(ObjectReader&)>& each) {
  ObjectReader nested(v, file_,
                      path_.empty() ? std::string(path) : Located(path_, path),
                      warnings_);
  nested.held_ = held_;
  nested.held_at_ = held_at_;
  nested.spelling_ = spelling_;
  if (!v.is_map()) {
    nested.Fail("expected an object");
  } else {
    each(nested);
  }
  return Adopt(nested.status());
}

ObjectReader& ObjectReader::Intrinsic(std::string_view key,
                                      const ConfigValue& v) {
  return FailAt(v, fmt::format("'{}' is an intrinsic function or reference; "
                               "flowmon check needs the literal value",
                               Key(key)));
}

}  // namespace check

Status LoadCheckConfig(const std::vector<std::string>& files, CheckConfig* out,
                       const CheckSelection& selection) {
  check::Definitions defs;
  for (const std::string& f : files) {
    if (Status s = check::LoadFile(f, &defs); !s.ok()) return s;
  }
  if (Status s = check::Select(selection, &defs, check::Join(&defs), out);
      !s.ok())
    return s;
  if (out->monitors.empty() && out->skipped.empty()) {
    return Status::InvalidArgument("the configs define no alarm to check");
  }
  return Status::Ok();
}

}  // namespace flowmon
