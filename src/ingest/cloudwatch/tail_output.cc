#include "ingest/cloudwatch/tail_output.h"

#include "flowmon/core/time_util.h"
#include "flowmon/scan/tokenizer.h"
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

// A message's continuation lines can be in the next chunk of the base, so
// the last event of each chunk is held back until the next chunk shows
// whether it goes on (or the input ends): an event is cut at no chunk
// boundary, as when the whole file is read at once.
class TailSource : public Source {
 public:
  explicit TailSource(std::unique_ptr<Source> base)
      : Source(base->name()), base_(std::move(base)), writer_(name()) {
    set_live(base_->live());
    set_size_hint(base_->size_hint());
  }

  Status Next(Chunk* chunk) override {
    *chunk = Chunk{};
    if (stashed_) {
      // The chunk the held-back event had to go out before.
      stashed_ = false;
      *chunk = stash_;
      return stash_status_;
    }
    writer_.ClearEvents();
    if (has_held_) writer_.Add(held_ts_, held_);
    has_held_ = false;
    while (true) {
      Chunk raw;
      const Status s = base_->Next(&raw);
      if (!s.ok() || raw.too_long || raw.data.empty()) {
        if (writer_.text().empty()) {
          *chunk = raw;
          return s;
        }
        stash_ = raw;
        stash_status_ = s;
        stashed_ = true;
        Hand(chunk, writer_.text().size());
        return Status::Ok();
      }
      ReadTailLines(raw.data, &writer_);
      const std::string_view text = writer_.text();
      const size_t last = text.size() < 2 ? std::string_view::npos
                                          : text.rfind('\n', text.size() - 2);
      if (last == std::string_view::npos) {
        // One event so far: it may go on in the next chunk, up to the
        // longest line there can be (bounded memory).
        if (text.size() <= kMaxLineBytes) continue;
        Hand(chunk, text.size());
        return s;
      }
      // The last event stays for the next chunk.
      const size_t cut = last + 1;
      size_t events = 0;
      for (char c : text.substr(0, cut)) events += c == '\n';
      held_.assign(text.substr(cut, text.size() - cut - 1));
      held_ts_ = writer_.timestamps()[events];
      has_held_ = true;
      Hand(chunk, cut);
      return s;
    }
  }

  uint64_t bytes_consumed() const override { return base_->bytes_consumed(); }

 private:
  // The writer's events up to byte `bytes` (whole lines).
  void Hand(Chunk* chunk, size_t bytes) const {
    chunk->data = writer_.text().substr(0, bytes);
    chunk->timestamps = writer_.timestamps();
  }

  std::unique_ptr<Source> base_;
  EventWriter writer_;
  std::string held_;  // the last event's message, one line
  int64_t held_ts_ = -1;
  bool has_held_ = false;
  Chunk stash_;
  Status stash_status_;
  bool stashed_ = false;
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
