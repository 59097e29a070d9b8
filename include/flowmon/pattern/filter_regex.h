// FilterRegex: a compiled %regex% of a filter pattern. RE2 is the reference
// matcher; a bit-parallel position automaton answers instead for the
// regexes and texts it models (issue #16 item 9: a bounded repetition such
// as %a[ab]{100}c% would otherwise drive RE2 onto its NFA). Immutable once
// built, shared by the copies of a pattern and by threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace flowmon {

class BitParallelRegex;

class FilterRegex {
 public:
  FilterRegex(std::unique_ptr<const re2::RE2> re2,
              std::unique_ptr<const BitParallelRegex> bit_parallel);
  ~FilterRegex();
  FilterRegex(const FilterRegex&) = delete;
  FilterRegex& operator=(const FilterRegex&) = delete;

  // True when the regex matches anywhere in `text` (RE2::PartialMatch).
  bool PartialMatch(std::string_view text) const;
  // The RE2 syntax the filter regex was translated to (for Athena SQL).
  const std::string& pattern() const;
  // The reference matcher (tests compare against it).
  const re2::RE2& re2() const { return *re2_; }
  // Whether the bit-parallel matcher took this regex (tests, docs).
  bool bit_parallel() const { return bit_parallel_ != nullptr; }

 private:
  std::unique_ptr<const re2::RE2> re2_;
  std::unique_ptr<const BitParallelRegex> bit_parallel_;
};

}  // namespace flowmon
