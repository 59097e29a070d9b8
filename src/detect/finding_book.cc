#include "detect/finding_book.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "detect/hash.h"

namespace flowmon::detect {
namespace {

// The value of `name` in a sample record of `schema`, or "".
std::string FieldText(const Schema& schema,
                      const std::vector<std::string_view>& fields,
                      std::string_view name) {
  const int i = schema.IndexOf(name);
  if (i < 0 || static_cast<size_t>(i) >= fields.size()) return "";
  const std::string_view v = fields[static_cast<size_t>(i)];
  return v == "-" ? "" : std::string(v);
}

}  // namespace

void AmendSince(FindingBook* book, const std::string& key,
                const FlowTotals& now, const FlowTotals& reported,
                std::vector<FindingFigure> extra) {
  const FlowTotals d = now.Since(reported);
  std::vector<FindingFigure> figures = d.Figures();
  for (FindingFigure& f : extra) figures.push_back(std::move(f));
  book->Amend(key, d.last, figures);
}

void MergeFigures(const std::vector<FindingFigure>& figures,
                  std::vector<FindingFigure>* into) {
  for (const FindingFigure& add : figures) {
    auto it = std::find_if(
        into->begin(), into->end(),
        [&](const FindingFigure& f) { return f.name == add.name; });
    if (it == into->end()) {
      into->push_back(add);
      continue;
    }
    it->value =
        add.peak ? std::max(it->value, add.value) : it->value + add.value;
    it->approximate = it->approximate || add.approximate;
  }
}

FindingBook::FindingBook(int64_t renotify, size_t samples,
                         const SchemaBook* schemas, bool keep_all, Emit emit)
    : renotify_(renotify),
      samples_(samples),
      schemas_(schemas),
      keep_all_(keep_all),
      emit_(std::move(emit)) {}

void FindingBook::FillResource(const std::vector<Sample>& samples,
                               Finding* f) const {
  FindingResource& r = f->resource;
  for (const Sample& s : samples) {
    const Schema* schema =
        schemas_ == nullptr ? nullptr : schemas_->Find(s.schema_id);
    if (schema == nullptr) continue;
    const std::vector<std::string_view> fields = SplitRecordLine(s.line);
    struct Slot {
      std::string* out;
      std::string_view field;
    };
    // A finding about every ENI takes only the account and region.
    for (const Slot& slot :
         {Slot{&r.account_id, "account-id"}, Slot{&r.region, "region"},
          Slot{&r.instance_id, "instance-id"}, Slot{&r.vpc_id, "vpc-id"},
          Slot{&r.subnet_id, "subnet-id"}, Slot{&r.az_id, "az-id"}}) {
      if (r.all && slot.out != &r.account_id && slot.out != &r.region) continue;
      if (slot.out->empty()) *slot.out = FieldText(*schema, fields, slot.field);
    }
    if (r.interface_id.empty() && !r.all) {
      r.interface_id = FieldText(*schema, fields, "interface-id");
      if (r.interface_id.empty()) {
        r.interface_id = FieldText(*schema, fields, "tgw-attachment-id");
        r.transit_gateway = !r.interface_id.empty();
      }
    }
  }
}

bool FindingBook::Report(const std::string& key, Finding f,
                         const std::vector<Sample>& samples) {
  auto open = open_.find(key);
  if (open != open_.end()) {
    Finding& g = findings_.at(open->second);
    if (f.first_seen <= g.last_seen + renotify_) {
      g.count += 1;
      g.first_seen = std::min(g.first_seen, f.first_seen);
      g.last_seen = std::max(g.last_seen, f.last_seen);
      g.severity = std::max(g.severity, f.severity);
      g.blocked = g.blocked && f.blocked;
      MergeFigures(f.figures, &g.figures);
      for (ProbedPort& p : f.probes) {
        if (g.probes.size() >= 10) break;
        const bool known = std::any_of(
            g.probes.begin(), g.probes.end(), [&](const ProbedPort& q) {
              return q.port == p.port && q.remote == p.remote;
            });
        if (!known) g.probes.push_back(std::move(p));
      }
      for (const Sample& s : samples) {
        if (g.samples.size() >= samples_) break;
        g.samples.push_back(s.line);
      }
      return false;
    }
    // Quiet for longer than renotify: the old finding is closed.
    if (!keep_all_) findings_.erase(open->second);
    open_.erase(open);
  }
  FillResource(samples, &f);
  for (const Sample& s : samples) {
    if (f.samples.size() >= samples_) break;
    f.samples.push_back(s.line);
  }
  const uint64_t h1 =
      HashCombine(HashText(key), static_cast<uint64_t>(f.first_seen));
  const uint64_t h2 = Mix64(h1 ^ HashText(f.type));
  f.id = fmt::format("{:016x}{:016x}", h1, h2);
  const uint64_t seq = next_++;
  findings_.emplace(seq, std::move(f));
  open_.emplace(key, seq);
  pending_.push_back(seq);
  return true;
}

void FindingBook::Amend(const std::string& key, int64_t last_seen,
                        const std::vector<FindingFigure>& figures) {
  auto open = open_.find(key);
  if (open == open_.end()) return;
  Finding& g = findings_.at(open->second);
  g.last_seen = std::max(g.last_seen, last_seen);
  MergeFigures(figures, &g.figures);
}

bool FindingBook::Open(const std::string& key, int64_t time) const {
  auto open = open_.find(key);
  return open != open_.end() &&
         time <= findings_.at(open->second).last_seen + renotify_;
}

void FindingBook::Flush(int64_t now) {
  std::sort(pending_.begin(), pending_.end(), [&](uint64_t a, uint64_t b) {
    const Finding& x = findings_.at(a);
    const Finding& y = findings_.at(b);
    return std::tie(x.first_seen, x.type, x.remote.address,
                    x.resource.interface_id,
                    a) < std::tie(y.first_seen, y.type, y.remote.address,
                                  y.resource.interface_id, b);
  });
  for (const uint64_t seq : pending_) {
    emit_(findings_.at(seq));
    if (keep_all_) order_.push_back(seq);
  }
  pending_.clear();
  if (now == INT64_MAX) return;
  for (auto it = open_.begin(); it != open_.end();) {
    if (findings_.at(it->second).last_seen + renotify_ < now) {
      if (!keep_all_) findings_.erase(it->second);
      it = open_.erase(it);
    } else {
      ++it;
    }
  }
}

std::vector<Finding> FindingBook::All() const {
  std::vector<Finding> out;
  out.reserve(findings_.size());
  for (const uint64_t seq : order_) {
    auto it = findings_.find(seq);
    if (it != findings_.end()) out.push_back(it->second);
  }
  return out;
}

}  // namespace flowmon::detect
