// A bit-parallel (Glushkov position automaton) matcher for the
// parenthesis-free regexes of filter patterns, so a bounded repetition such
// as %a[ab]{100}c% costs a few table lookups per byte instead of RE2's NFA
// (issue #16 item 9). RE2 stays the reference: this matcher only answers
// for ASCII text and for regexes it fully understands.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace flowmon {

class BitParallelRegex {
 public:
  // The most positions (atoms after repetitions are expanded) it handles;
  // its follow tables take positions/8 * 256 * words 64-bit words.
  static constexpr int kMaxPositions = 256;

  // Compiles `re2_text` (TranslateFilterRegex's output, which RE2 already
  // accepted) or returns null when the regex holds something this matcher
  // does not model (an anchor inside a branch, a class within a class, a
  // \x escape above 0x7f, a repeated repetition, too many positions): the
  // caller then keeps RE2.
  static std::unique_ptr<const BitParallelRegex> Compile(
      std::string_view re2_text);

  enum class Result { kNoMatch, kMatch, kUndecided };
  // RE2::PartialMatch's answer, or kUndecided when `text` holds a byte
  // over 0x7f (RE2 reads UTF-8 there, this matcher reads bytes).
  Result Search(std::string_view text) const;

  int positions() const { return positions_; }

 private:
  int positions_ = 0;
  int words_ = 0;
  int chunks_ = 0;
  bool always_ = false;           // a nullable branch that matches anywhere
  bool empty_only_ = false;       // a nullable ^...$ branch: matches ""
  std::vector<uint64_t> masks_;   // [byte][word]: positions that read byte
  std::vector<uint64_t> follow_;  // [chunk][8-bit value][word]
  std::vector<uint64_t> first_any_, first_bol_, last_any_, last_eol_;
  std::array<bool, 256> starts_{};  // bytes that can begin a match mid-text
};

}  // namespace flowmon
