#include "flowmon/detect/detect_sink.h"

#include <fmt/format.h>

#include "detect/detector.h"
#include "detect/finding_book.h"
#include "detect/flow.h"

namespace flowmon {

using detect::Detector;

struct DetectSink::Shared {
  DetectConfig config;
  AddressList blocklist;
  AddressList aws;
  detect::DetectContext context;
};

namespace {

using Factory = std::unique_ptr<Detector> (*)(const detect::DetectContext&);

Factory FactoryOf(std::string_view name) {
  static constexpr std::pair<std::string_view, Factory> kFactories[] = {
      {"port-scan", detect::NewPortScanDetector},
      {"brute-force", detect::NewBruteForceDetector},
      {"port-probe", detect::NewPortProbeDetector},
      {"spike", detect::NewSpikeDetector},
      {"blocklist", detect::NewBlocklistDetector},
      {"unusual-protocol", detect::NewUnusualProtocolDetector},
      {"exfil", detect::NewExfilDetector},
      {"gap", detect::NewGapDetector}};
  for (const auto& [n, f] : kFactories) {
    if (n == name) return f;
  }
  return nullptr;
}

int64_t FloorMinute(int64_t t) { return t - ((t % 60) + 60) % 60; }

}  // namespace

DetectSink::DetectSink() = default;
DetectSink::~DetectSink() = default;

Result<std::unique_ptr<DetectSink>> DetectSink::Create(
    const DetectConfig& config, Emit emit, bool keep_findings) {
  auto shared = std::make_shared<Shared>();
  shared->config = config;
  if (config.blocklist.enabled) {
    for (const std::string& file : config.blocklist.files) {
      if (Status s = shared->blocklist.LoadFile(file); !s.ok()) return s;
    }
  }
  if (!config.aws_ranges.empty()) {
    if (Status s = shared->aws.LoadFile(config.aws_ranges); !s.ok()) return s;
  }
  shared->blocklist.Build();
  shared->aws.Build();
  shared->context = {&shared->config, &shared->blocklist, &shared->aws};
  std::unique_ptr<DetectSink> sink(new DetectSink());
  sink->shared_ = shared;
  for (const std::string_view name : DetectorNames()) {
    if (!DetectorEnabled(config, name)) continue;
    if (name == "blocklist" && shared->blocklist.empty()) continue;
    sink->detectors_.push_back(FactoryOf(name)(shared->context));
  }
  sink->reader_ = std::make_unique<detect::FlowReader>(
      detect::AddressBlocks(config.internal));
  sink->schemas_ = std::make_shared<detect::SchemaBook>();
  sink->book_ = std::make_unique<detect::FindingBook>(
      config.renotify, static_cast<size_t>(config.samples),
      sink->schemas_.get(), keep_findings, std::move(emit));
  return sink;
}

std::unique_ptr<RecordSink> DetectSink::NewWorker() const {
  std::unique_ptr<DetectSink> w(new DetectSink());
  w->shared_ = shared_;
  w->worker_ = true;
  for (const auto& d : detectors_) w->detectors_.push_back(d->NewWorker());
  w->reader_ = std::make_unique<detect::FlowReader>(
      detect::AddressBlocks(shared_->config.internal));
  w->schemas_ = std::make_shared<detect::SchemaBook>();
  return w;
}

void DetectSink::Note(std::string text) {
  if (noted_.emplace(text, true).second) notes_.push_back(std::move(text));
}

void DetectSink::OnInput(const Schema& schema, std::string_view /*header*/) {
  detect::FlowReader probe{detect::AddressBlocks()};
  probe.Resolve(schema, 0);
  for (const auto& d : detectors_) {
    const unsigned missing = d->needs() & ~probe.present();
    if (missing == 0) continue;
    const unsigned first = missing & (~missing + 1);
    Note(fmt::format(
        "{}: the format {} has no field '{}': the detector is off for its "
        "records",
        d->name(), schema.raw() ? "raw" : schema.Name(),
        detect::FlowFieldName(first)));
  }
}

bool DetectSink::OnRecord(const Record& rec, const RecordContext& ctx) {
  detect::Flow flow;
  if (!reader_->Read(rec, ctx, &flow)) {
    ++counters_.untimed;
    return true;
  }
  if (ctx.schema_id != schema_id_) {
    schema_id_ = ctx.schema_id;
    usable_.assign(detectors_.size(), false);
    for (size_t i = 0; i < detectors_.size(); ++i) {
      const unsigned needs = detectors_[i]->needs();
      usable_[i] = (reader_->present() & needs) == needs;
    }
    if (ctx.schema != nullptr)
      schemas_->schemas.emplace(ctx.schema_id, *ctx.schema);
  }
  ++counters_.records;
  if (flow.minute < closed_until_) {
    ++counters_.late;
    return true;
  }
  watermark_ = std::max(watermark_, flow.time);
  for (size_t i = 0; i < detectors_.size(); ++i) {
    if (usable_[i]) detectors_[i]->Observe(flow);
  }
  if (!worker_ && watermark_ >= next_advance_) Advance(false);
  return true;
}

void DetectSink::Absorb(RecordSink& worker_sink) {
  auto& w = static_cast<DetectSink&>(worker_sink);
  for (size_t i = 0; i < detectors_.size(); ++i) {
    detectors_[i]->Absorb(*w.detectors_[i], closed_until_, &counters_.late);
  }
  for (auto& [id, schema] : w.schemas_->schemas) {
    schemas_->schemas.emplace(id, std::move(schema));
  }
  w.schemas_->schemas.clear();
  w.schema_id_ = UINT64_MAX;  // its cached schema copy is gone
  watermark_ = std::max(watermark_, w.watermark_);
  counters_.records += w.counters_.records;
  counters_.untimed += w.counters_.untimed;
  w.counters_ = DetectCounters();
  w.watermark_ = INT64_MIN;
  Advance(false);
}

void DetectSink::Advance(bool final) {
  if (worker_) return;
  if (final) {
    for (const auto& d : detectors_)
      d->Close(INT64_MAX, watermark_, book_.get());
    closed_until_ = INT64_MAX;
    book_->Flush(INT64_MAX);
    counters_.dropped = 0;
    for (const auto& d : detectors_) counters_.dropped += d->dropped();
    return;
  }
  if (watermark_ == INT64_MIN) return;
  const int64_t lateness = shared_->config.lateness;
  const int64_t closed = FloorMinute(watermark_ - lateness);
  // The watermark that moves the limit on by a minute.
  next_advance_ = closed + 60 + lateness;
  if (closed <= closed_until_) return;
  closed_until_ = closed;
  for (const auto& d : detectors_) d->Close(closed, watermark_, book_.get());
  book_->Flush(closed);
}

Status DetectSink::Finish() {
  Advance(true);
  return Status::Ok();
}

std::vector<Finding> DetectSink::findings() const { return book_->All(); }

}  // namespace flowmon
