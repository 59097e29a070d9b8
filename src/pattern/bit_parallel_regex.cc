#include "pattern/bit_parallel_regex.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

namespace flowmon {
namespace {

constexpr int kMaxWords = BitParallelRegex::kMaxPositions / 64;
using Set = std::vector<uint64_t>;

struct Glushkov {
  Set first, last;
  bool nullable = true;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A bound "{m}", "{m,}" or "{m,n}" at text[i] (as TranslateFilterRegex
// writes them); returns the index past '}' or 0.
size_t ReadBound(std::string_view text, size_t i, int* min, int* max) {
  size_t j = i + 1;
  bool leading_zero = false;
  auto number = [&](int* out) {
    const size_t start = j;
    int v = 0;
    // Saturates: RE2 refuses a closed bound over 1000, and an unclosed
    // "{23456789012" is literal text, so only the digits' extent matters.
    while (j < text.size() && IsDigit(text[j])) {
      v = std::min(v * 10 + (text[j++] - '0'), 1 << 20);
    }
    *out = v;
    // RE2 refuses a number with a leading zero ({08}): the brace is text.
    if (j - start > 1 && text[start] == '0') leading_zero = true;
    return j > start;
  };
  if (!number(min)) return 0;
  *max = *min;
  if (j < text.size() && text[j] == ',') {
    ++j;
    if (!number(max)) *max = -1;
  }
  if (j >= text.size() || text[j] != '}' || leading_zero) return 0;
  return j + 1;
}

// Whether a repetition operator (*, +, ? or a bound) begins at text[i].
bool RepetitionAt(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  int min, max;
  return text[i] == '*' || text[i] == '+' || text[i] == '?' ||
         (text[i] == '{' && ReadBound(text, i, &min, &max));
}

// The extent of the atom at text[i], or 0 when it is not one we model.
size_t AtomEnd(std::string_view text, size_t i) {
  const char c = text[i];
  if (c == '\\') {
    if (i + 1 >= text.size()) return 0;
    if (text[i + 1] == 'x') {
      if (i + 3 >= text.size()) return 0;
      const int v = std::stoi(std::string(text.substr(i + 2, 2)), nullptr, 16);
      return v < 0x80 ? i + 4 : 0;
    }
    return i + 2;
  }
  if (c == '[') {
    size_t j = i + 1;
    if (j < text.size() && text[j] == '^') ++j;
    if (j < text.size() && text[j] == ']') ++j;
    while (j < text.size() && text[j] != ']') {
      if (text[j] == '[') return 0;  // [[:alpha:]] and the like: RE2's
      if (text[j] == '\\') {
        if (j + 1 < text.size() && text[j + 1] == 'x') {
          if (j + 3 >= text.size()) return 0;
          const int v =
              std::stoi(std::string(text.substr(j + 2, 2)), nullptr, 16);
          if (v >= 0x80) return 0;
          j += 4;
          continue;
        }
        j += 2;
        continue;
      }
      ++j;
    }
    return j < text.size() ? j + 1 : 0;
  }
  if (c == '^' || c == '$' || c == '|' || c == '*' || c == '+' || c == '?') {
    return 0;
  }
  return i + 1;
}

class Builder {
 public:
  explicit Builder(int words) : words_(words) {}
  Set Empty() const { return Set(words_, 0); }
  static void Or(Set* a, const Set& b) {
    for (size_t w = 0; w < a->size(); ++w) (*a)[w] |= b[w];
  }
  int NewPosition(const uint64_t* bytes /*[256/64]*/) {
    const int p = static_cast<int>(byte_sets_.size());
    byte_sets_.emplace_back(bytes, bytes + 4);
    follow_.push_back(Empty());
    return p;
  }
  Set Single(int p) const {
    Set s = Empty();
    s[p / 64] |= uint64_t{1} << (p % 64);
    return s;
  }
  void Follow(const Set& from, const Set& to) {
    for (int p = 0; p < static_cast<int>(follow_.size()); ++p) {
      if (from[p / 64] >> (p % 64) & 1) Or(&follow_[p], to);
    }
  }
  // acc then x.
  Glushkov Cat(Glushkov acc, const Glushkov& x) {
    Follow(acc.last, x.first);
    if (acc.nullable) Or(&acc.first, x.first);
    Set last = x.last;
    if (x.nullable) Or(&last, acc.last);
    acc.last = std::move(last);
    acc.nullable = acc.nullable && x.nullable;
    return acc;
  }
  std::vector<std::vector<uint64_t>> byte_sets_;
  std::vector<Set> follow_;

 private:
  int words_;
};

}  // namespace

std::unique_ptr<const BitParallelRegex> BitParallelRegex::Compile(
    std::string_view text) {
  // First pass: count positions, so the sets have their final width.
  struct Item {
    std::string_view atom;
    int min, max;  // max -1: unbounded
  };
  struct Branch {
    bool bol = false, eol = false;
    std::vector<Item> items;
  };
  std::vector<Branch> branches(1);
  long positions = 0;
  for (size_t i = 0; i < text.size();) {
    Branch& b = branches.back();
    const char c = text[i];
    if (c == '|') {
      branches.emplace_back();
      ++i;
      continue;
    }
    if (c == '^') {
      if (b.bol || !b.items.empty() || b.eol) return nullptr;
      b.bol = true;
      ++i;
      // A repeated anchor (^{2,}, ^*): RE2 repeats the empty match, which
      // the atoms here cannot say (fuzz finding crash-repeated-anchor).
      if (RepetitionAt(text, i)) return nullptr;
      continue;
    }
    if (c == '$') {
      if (b.eol || (i + 1 < text.size() && text[i + 1] != '|')) return nullptr;
      b.eol = true;
      ++i;
      continue;
    }
    if (b.eol) return nullptr;
    const size_t end = AtomEnd(text, i);
    if (end == 0) return nullptr;
    Item item{text.substr(i, end - i), 1, 1};
    i = end;
    if (i < text.size()) {
      int min = 0, max = 0;
      size_t past = 0;
      if (text[i] == '*') {
        item.min = 0, item.max = -1, past = i + 1;
      } else if (text[i] == '+') {
        item.min = 1, item.max = -1, past = i + 1;
      } else if (text[i] == '?') {
        item.min = 0, item.max = 1, past = i + 1;
      } else if (text[i] == '{' && (past = ReadBound(text, i, &min, &max))) {
        if (max != -1 && max < min) return nullptr;
        item.min = min, item.max = max;
      }
      if (past != 0) {
        i = past;
        if (i < text.size() && text[i] == '?') ++i;  // lazy: same answer
        if (RepetitionAt(text, i)) return nullptr;
      }
    }
    // As many positions as the builder below makes: x{n,} is n copies of x
    // and then x*, x{n,m} is m copies.
    positions += item.max == -1 ? item.min + 1 : item.max;
    if (positions > kMaxPositions) return nullptr;
    b.items.push_back(item);
  }
  auto re = std::unique_ptr<BitParallelRegex>(new BitParallelRegex);
  re->positions_ = static_cast<int>(positions);
  re->words_ = std::max(1, static_cast<int>((positions + 63) / 64));
  re->chunks_ = re->words_ * 8;
  const int words = re->words_;
  Builder builder(words);
  re->first_any_ = re->first_bol_ = re->last_any_ = re->last_eol_ =
      builder.Empty();
  RE2::Options options;
  options.set_log_errors(false);
  for (const Branch& b : branches) {
    Glushkov acc{builder.Empty(), builder.Empty(), true};
    for (const Item& item : b.items) {
      // The bytes the atom reads, asked of RE2 itself so classes and
      // escapes mean exactly what they mean there.
      RE2 atom(item.atom, options);
      if (!atom.ok()) return nullptr;
      uint64_t bytes[4] = {0, 0, 0, 0};
      for (int v = 0; v < 0x80; ++v) {
        const char ch = static_cast<char>(v);
        if (RE2::FullMatch(re2::StringPiece(&ch, 1), atom)) {
          bytes[v / 64] |= uint64_t{1} << (v % 64);
        }
      }
      auto position = [&] { return builder.NewPosition(bytes); };
      for (int k = 0; k < item.min; ++k) {
        const Set s = builder.Single(position());
        acc = builder.Cat(std::move(acc), Glushkov{s, s, false});
      }
      if (item.max == -1) {
        const Set s = builder.Single(position());
        builder.Follow(s, s);
        acc = builder.Cat(std::move(acc), Glushkov{s, s, true});
      } else if (item.max > item.min) {
        // x{0,k} = (x(x(...)?)?)?, built from the inside out.
        const int k = item.max - item.min;
        std::vector<int> ps(k);
        for (int& p : ps) p = position();
        Glushkov r{builder.Empty(), builder.Empty(), true};
        for (int j = k - 1; j >= 0; --j) {
          const Set s = builder.Single(ps[j]);
          builder.Follow(s, r.first);
          Set last = r.last;
          Builder::Or(&last, s);
          r = Glushkov{s, std::move(last), true};
        }
        acc = builder.Cat(std::move(acc), r);
      }
    }
    Builder::Or(b.bol ? &re->first_bol_ : &re->first_any_, acc.first);
    Builder::Or(b.eol ? &re->last_eol_ : &re->last_any_, acc.last);
    if (acc.nullable) {
      if (b.bol && b.eol) {
        re->empty_only_ = true;
      } else {
        re->always_ = true;
      }
    }
  }
  re->masks_.assign(256 * static_cast<size_t>(words), 0);
  for (size_t p = 0; p < builder.byte_sets_.size(); ++p) {
    for (int v = 0; v < 0x80; ++v) {
      if (builder.byte_sets_[p][v / 64] >> (v % 64) & 1) {
        re->masks_[v * words + p / 64] |= uint64_t{1} << (p % 64);
      }
    }
  }
  re->follow_.assign(static_cast<size_t>(re->chunks_) * 256 * words, 0);
  for (int chunk = 0; chunk < re->chunks_; ++chunk) {
    for (int v = 1; v < 256; ++v) {
      uint64_t* out = &re->follow_[(chunk * 256 + v) * words];
      for (int bit = 0; bit < 8; ++bit) {
        const int p = chunk * 8 + bit;
        if (!(v >> bit & 1) || p >= static_cast<int>(builder.follow_.size())) {
          continue;
        }
        for (int w = 0; w < words; ++w) out[w] |= builder.follow_[p][w];
      }
    }
  }
  for (int b = 0; b < 256; ++b) {
    for (int w = 0; w < words; ++w) {
      if ((re->first_any_[w] & re->masks_[b * words + w]) != 0) {
        re->starts_[b] = true;
      }
    }
  }
  return re;
}

BitParallelRegex::Result BitParallelRegex::Search(std::string_view text) const {
  for (const char ch : text) {
    if (static_cast<unsigned char>(ch) >= 0x80) return Result::kUndecided;
  }
  if (always_ || (empty_only_ && text.empty())) return Result::kMatch;
  const int words = words_;
  uint64_t state[kMaxWords] = {};
  bool idle = true;  // no position alive: only a start byte changes that
  for (size_t i = 0; i < text.size(); ++i) {
    // Most of a line cannot begin a match: skip to the next byte that can
    // (exact: with no live position, the next state is first_any_ & mask).
    if (idle && i > 0) {
      while (i < text.size() && !starts_[static_cast<unsigned char>(text[i])]) {
        ++i;
      }
      if (i == text.size()) break;
    }
    uint64_t next[kMaxWords];
    for (int w = 0; w < words; ++w) {
      next[w] = first_any_[w] | (i == 0 ? first_bol_[w] : 0);
    }
    for (int w = 0; w < words; ++w) {
      uint64_t s = state[w];
      for (int c = 0; s != 0; ++c, s >>= 8) {
        const unsigned v = s & 0xff;
        if (v == 0) continue;
        const uint64_t* f = &follow_[((w * 8 + c) * 256 + v) * words];
        for (int x = 0; x < words; ++x) next[x] |= f[x];
      }
    }
    const uint64_t* mask = &masks_[static_cast<unsigned char>(text[i]) *
                                   static_cast<size_t>(words)];
    uint64_t hit = 0;
    uint64_t live = 0;
    for (int w = 0; w < words; ++w) {
      state[w] = next[w] & mask[w];
      hit |= state[w] & last_any_[w];
      live |= state[w];
    }
    idle = live == 0;
    if (hit != 0) return Result::kMatch;
  }
  uint64_t hit = 0;
  for (int w = 0; w < words; ++w) hit |= state[w] & last_eol_[w];
  return hit != 0 ? Result::kMatch : Result::kNoMatch;
}

}  // namespace flowmon
