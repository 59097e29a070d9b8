// Filter patterns: the first line is a pattern (terms, space-delimited, JSON
// or %regex%), the rest are log events. A pattern that compiles is matched
// against every event directly and through the pipeline (selected,
// inverted, with the rejected records delivered); the fields a match binds
// are read as the printer and metric sinks read them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "flowmon/core/schema.h"
#include "flowmon/ingest/memory_source.h"
#include "flowmon/pattern/pattern.h"
#include "flowmon/scan/tokenizer.h"
#include "fuzz_util.h"

namespace flowmon::fuzz {
namespace {

// Selected records with their extracted values and bound fields read.
class ExtractingSink : public TouchingSink {
 public:
  explicit ExtractingSink(const CompiledPattern* p) : pattern_(p) {}
  std::unique_ptr<RecordSink> NewWorker() const override {
    return std::make_unique<ExtractingSink>(pattern_);
  }
  bool OnRecord(const Record& rec, const RecordContext& ctx) override {
    if (pattern_->kind() == CompiledPattern::Kind::kSpaceDelimited &&
        pattern_->Matches(rec)) {
      pattern_->ForEachExtracted(rec,
                                 [&](std::string_view n, std::string_view v) {
                                   sum = Mix(Mix(sum, n), v);
                                 });
      for (const Slot& s : pattern_->slots())
        if (s.kind != Slot::Kind::kEllipsis)
          sum = Mix(sum, pattern_->FieldOf(rec, s));
    }
    return TouchingSink::OnRecord(rec, ctx);
  }

 private:
  const CompiledPattern* pattern_;
};

void RunWith(const CompiledPattern& pattern, const std::string& events,
             bool invert, bool deliver_rejected) {
  PipelineOptions options;
  options.pattern = &pattern;
  options.invert = invert;
  options.deliver_rejected = deliver_rejected;
  options.schema = Schema::Raw();
  ExtractingSink sink(&pattern);
  RunOn(NewMemorySource("e", events, 256), options, &sink);
}

}  // namespace
}  // namespace flowmon::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace flowmon;
  using namespace flowmon::fuzz;
  const TwoParts input = SplitAt(bytes, size, '\n');
  const std::string_view text = input.head;
  const std::string& events = input.rest;
  CompiledPattern pattern;
  PatternError error;
  if (!CompiledPattern::Parse(text, &pattern, &error)) {
    if (error.column > text.size() + 1) std::abort();  // a caret past the text
    (void)FormatPatternError(text, error);
    return 0;
  }
  const Result<CompiledPattern> again = CompiledPattern::Compile(text);
  if (!again.ok()) std::abort();  // Parse and Compile disagree

  static Record rec;
  size_t pos = 0;
  while (pos < events.size()) {
    size_t end = events.find('\n', pos);
    if (end == std::string::npos) end = events.size();
    const std::string_view line(events.data() + pos, end - pos);
    pos = end + 1;
    size_t column = 0;
    if (SplitFields(line, &rec, &column) != LineError::kOk) continue;
    // A literal every match contains is in every line that matches.
    if (pattern.Matches(rec) && !pattern.required_literal().empty() &&
        line.find(pattern.required_literal()) == std::string_view::npos)
      std::abort();
  }
  RunWith(pattern, events, false, false);
  RunWith(pattern, events, true, true);
  return 0;
}
