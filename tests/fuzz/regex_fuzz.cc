// Filter regexes, RE2 against the bit-parallel matcher: the first line is
// the body of a %regex% (what sits between the percent signs), the rest are
// texts, one per line. A body that translates and compiles under RE2 and
// that the bit-parallel matcher takes must get RE2's PartialMatch answer on
// every text it decides; any disagreement aborts. The matcher is built here
// whatever the program size, so small regexes (below
// kBitParallelFromProgramSize) are checked too.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "flowmon/pattern/filter_regex.h"
#include "flowmon/pattern/pattern.h"
#include "fuzz_util.h"
#include "pattern/bit_parallel_regex.h"
#include "pattern/filter_regex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace flowmon;
  const fuzz::TwoParts input = fuzz::SplitAt(bytes, size, '\n');
  // The production path: a body CompileFilterRegex refuses (not AWS's
  // syntax, or over the program limit) is not a regex to compare.
  PatternError error;
  std::shared_ptr<const FilterRegex> compiled;
  if (!CompileFilterRegex(input.head, 1, &compiled, &error)) {
    if (error.column > input.head.size() + 1) std::abort();  // caret past
    return 0;
  }
  // The reference, and the bit-parallel matcher for every regex it models
  // (CompileFilterRegex takes it only from kBitParallelFromProgramSize).
  const RE2& re = compiled->re2();
  const std::unique_ptr<const BitParallelRegex> bits =
      BitParallelRegex::Compile(compiled->pattern());

  const std::string& texts = input.rest;
  size_t pos = 0;
  while (pos <= texts.size()) {
    size_t end = texts.find('\n', pos);
    if (end == std::string::npos) end = texts.size();
    const std::string_view text(texts.data() + pos, end - pos);
    pos = end + 1;
    const bool want = RE2::PartialMatch(text, re);
    if (bits != nullptr) {
      const BitParallelRegex::Result got = bits->Search(text);
      if (got != BitParallelRegex::Result::kUndecided &&
          (got == BitParallelRegex::Result::kMatch) != want) {
        std::abort();  // the bit-parallel matcher disagrees with RE2
      }
    }
    if (compiled->PartialMatch(text) != want) std::abort();
  }
  return 0;
}
