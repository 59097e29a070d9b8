#include "ingest/cloudwatch/tail_output.h"

#include "flowmon/core/time_util.h"
#include "ingest/cloudwatch/text_lines.h"

namespace flowmon {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// True when `s` has digits where `shape` has '9' and the same bytes
// elsewhere.
bool HasShape(std::string_view s, std::string_view shape) {
  if (s.size() < shape.size()) return false;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == '9' ? !IsDigit(s[i]) : s[i] != shape[i]) return false;
  }
  return true;
}

// The length of the tail timestamp that starts `line` (0 when none);
// *zoned when it has a zone, which a log stream name follows.
size_t TailTimestampLength(std::string_view line, bool* zoned) {
  constexpr std::string_view kSeconds = "9999-99-99T99:99:99";
  if (!HasShape(line, kSeconds)) return 0;
  size_t n = kSeconds.size();
  if (n < line.size() && line[n] == '.') {
    const size_t digits = ++n;
    while (n < line.size() && IsDigit(line[n])) ++n;
    if (n == digits) return 0;
  }
  *zoned = false;
  if (n < line.size() && (line[n] == '+' || line[n] == '-')) {
    if (!HasShape(line.substr(n + 1), "99:99")) return 0;
    n += 6;
    *zoned = true;
  } else if (n > kSeconds.size()) {
    return 0;  // a fraction comes only with a zone
  }
  if (n < line.size() && line[n] != ' ') return 0;
  return n;
}

class TailSource : public Source {
 public:
  explicit TailSource(std::unique_ptr<Source> base)
      : Source(base->name()), base_(std::move(base)), writer_(name()) {
    set_live(base_->live());
    set_size_hint(base_->size_hint());
  }

  Status Next(Chunk* chunk) override {
    Chunk raw;
    const Status s = base_->Next(&raw);
    if (!s.ok() || raw.too_long || raw.data.empty()) {
      *chunk = raw;
      return s;
    }
    writer_.ClearEvents();
    ReadTailLines(raw.data, &writer_);
    *chunk = Chunk{};
    chunk->data = writer_.text();
    chunk->timestamps = writer_.timestamps();
    return s;
  }

  uint64_t bytes_consumed() const override { return base_->bytes_consumed(); }

 private:
  std::unique_ptr<Source> base_;
  EventWriter writer_;
};

}  // namespace

bool ParseTailLine(std::string_view line, int64_t* timestamp_ms,
                   std::string_view* message) {
  bool zoned = false;
  const size_t n = TailTimestampLength(line, &zoned);
  if (n == 0) return false;
  Result<int64_t> ts = ParseTimestampMs(line.substr(0, n));
  if (!ts.ok()) return false;
  *timestamp_ms = *ts;
  std::string_view rest = line.substr(n);
  if (!rest.empty()) rest.remove_prefix(1);  // the space
  if (zoned) {
    const size_t space = rest.find(' ');
    rest = space == std::string_view::npos ? std::string_view()
                                           : rest.substr(space + 1);
  }
  *message = rest;
  return true;
}

void ReadTailLines(std::string_view text, EventWriter* w) {
  ForEachLine(text, [w](std::string_view line) {
    int64_t ts = -1;
    std::string_view message;
    if (ParseTailLine(line, &ts, &message)) {
      w->Add(ts, message);
    } else {
      w->Continue(line);
    }
  });
}

std::unique_ptr<Source> NewTailSource(std::unique_ptr<Source> base) {
  return std::make_unique<TailSource>(std::move(base));
}

}  // namespace flowmon
