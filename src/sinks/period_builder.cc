#include "flowmon/sinks/period_builder.h"

#include <climits>
#include <optional>

namespace flowmon {

PeriodBuilder::PeriodBuilder(int64_t period, Statistic stat, Emit emit)
    : period_(period), stat_(std::move(stat)), emit_(std::move(emit)) {}

void PeriodBuilder::Add(const ClosedMinute& m) {
  const int64_t start = m.minute - ((m.minute % period_) + period_) % period_;
  // Minutes come in time order: periods before this one are complete.
  Flush(start);
  open_[{start, m.dimensions}].Merge(m.samples);
}

void PeriodBuilder::Finish() { Flush(INT64_MAX); }

void PeriodBuilder::Flush(int64_t before) {
  while (!open_.empty() && open_.begin()->first.first < before) {
    auto node = open_.extract(open_.begin());
    const std::optional<double> v = node.mapped().Compute(stat_);
    if (v) {
      emit_({node.key().first, node.key().second, *v, node.mapped().count});
    }
  }
}

}  // namespace flowmon
