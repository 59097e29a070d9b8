#include "flowmon/pattern/pattern_set.h"

#include <cstring>
#include <string_view>

namespace flowmon {
namespace {

// The one comparison of a condition that is an exact string `=`, or null:
// the only kind a field's value can be looked up for.
const Comparison* ExactEquality(const Condition& cond) {
  if (cond.any_of.size() != 1 || cond.any_of.front().size() != 1) {
    return nullptr;
  }
  const Comparison& c = cond.any_of.front().front();
  const ValueTest& t = c.test;
  return !t.numeric && t.op == CompareOp::kEq && t.wildcard == Wildcard::kExact
             ? &c
             : nullptr;
}

// The longest value compared as one packed word.
constexpr size_t kPackedBytes = 8;

// `n` bytes (n <= kPackedBytes) as a word that, for strings of the same
// length, is equal exactly when they are: two overlapping 4-byte windows,
// or for 1 to 3 bytes the first, middle and last (which cover them all).
uint64_t Packed(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t lo;
    uint32_t hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | uint64_t{hi} << 32;
  }
  if (n == 0) return 0;
  return uint64_t{static_cast<unsigned char>(p[0])} |
         uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
         uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
}

}  // namespace

PatternSet::PatternSet(const std::vector<const CompiledPattern*>& patterns) {
  // Built per field first, then laid out flat: Seen() reads one array.
  struct Field {
    FieldKey key;
    std::vector<std::string> values;
    std::vector<uint64_t> bits;
  };
  std::vector<Field> fields;
  size_t next_bit = 0;
  for (const CompiledPattern* p : patterns) {
    Entry e;
    e.pattern = p;
    if (p->kind() == CompiledPattern::Kind::kSpaceDelimited &&
        !p->matches_all()) {
      e.mode = Mode::kBits;
      e.fixed = static_cast<uint32_t>(p->fixed_fields());
      e.at_least = p->has_ellipsis();
      for (const Condition& cond : p->conditions()) {
        const Comparison* c = ExactEquality(cond);
        if (c == nullptr) {
          e.mode = Mode::kBitsThenMatches;
          continue;
        }
        const Slot& slot = p->slots()[c->slot];
        const FieldKey key{
            slot.from_end ? e.fixed - slot.position : slot.position,
            slot.from_end};
        Field* f = nullptr;
        for (Field& g : fields) {
          if (g.key == key) f = &g;
        }
        if (f == nullptr) {
          fields.push_back(Field{key, {}, {}});
          f = &fields.back();
        }
        size_t k = 0;
        while (k < f->values.size() && f->values[k] != c->test.text) ++k;
        if (k == f->values.size()) {
          if (next_bit == 64) {  // out of bits: Matches() tests it
            e.mode = Mode::kBitsThenMatches;
            continue;
          }
          f->values.push_back(c->test.text);
          f->bits.push_back(uint64_t{1} << next_bit++);
        }
        e.need |= f->bits[k];
      }
    }
    entries_.push_back(e);
  }
  for (const Field& f : fields) {
    FieldValues out{f.key, static_cast<uint32_t>(values_.size()), 0};
    for (size_t k = 0; k < f.values.size(); ++k) {
      const std::string& v = f.values[k];
      values_.push_back(Value{
          f.bits[k], v.size() <= kPackedBytes ? Packed(v.data(), v.size()) : 0,
          static_cast<uint32_t>(text_.size()),
          static_cast<uint32_t>(v.size())});
      text_ += f.values[k];
    }
    out.end = static_cast<uint32_t>(values_.size());
    fields_.push_back(out);
  }
}

// The bits of the values `rec`'s fields hold. A field's values are
// distinct, so at most one of them is its value.
uint64_t PatternSet::Seen(const Record& rec) const {
  uint64_t seen = 0;
  const char* const text = text_.data();
  const Value* const values = values_.data();
  for (const FieldValues& f : fields_) {
    if (f.key.from_end ? f.key.offset > rec.size : f.key.offset >= rec.size) {
      continue;  // no pattern that binds this field fits the record
    }
    const std::string_view v =
        rec.fields[f.key.from_end ? rec.size - f.key.offset : f.key.offset];
    const bool short_value = v.size() <= kPackedBytes;
    const uint64_t packed = short_value ? Packed(v.data(), v.size()) : 0;
    for (uint32_t k = f.begin; k < f.end; ++k) {
      const Value& want = values[k];
      if (v.size() == want.size &&
          (short_value
               ? packed == want.packed
               : std::memcmp(v.data(), text + want.offset, v.size()) == 0)) {
        seen |= want.bit;
        break;
      }
    }
  }
  return seen;
}

bool PatternSet::Match(const Record& rec, uint8_t* matches) const {
  const uint64_t seen = fields_.empty() ? 0 : Seen(rec);
  const size_t size = rec.size;
  bool any = false;
  // Locals, as stores through `matches` may alias the members.
  const Entry* const entries = entries_.data();
  const size_t n = entries_.size();
  for (size_t i = 0; i < n; ++i) {
    const Entry& e = entries[i];
    bool m;
    if (e.mode == Mode::kMatches) {
      m = e.pattern->Matches(rec);
    } else {
      m = (seen & e.need) == e.need &&
          (e.at_least ? size >= e.fixed : size == e.fixed) &&
          (e.mode == Mode::kBits || e.pattern->Matches(rec));
    }
    matches[i] = m ? 1 : 0;
    any = any || m;
  }
  return any;
}

}  // namespace flowmon
