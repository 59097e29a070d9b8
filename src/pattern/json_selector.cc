#include "pattern/json_selector.h"

#include <string>

#include "flowmon/core/quoted_string.h"
#include "pattern/char_class.h"

namespace flowmon {
namespace {

// Recursive descent over one selector with 1-based columns.
class SelectorParser {
 public:
  SelectorParser(std::string_view text, size_t pos, PatternError* error)
      : text_(text), pos_(pos), error_(error) {}

  bool Parse(std::vector<SelectorStep>* path) {
    while (pos_ < text_.size() && IsPatternSpace(text_[pos_])) ++pos_;
    if (!Eat('$')) return Fail("expected a selector starting with '$'");
    while (pos_ < text_.size()) {
      const size_t step = pos_;
      // `.[` is the bracket notation the user guide writes for a key with
      // a period: $.['cluster.name'].
      if (Eat('.') && !Eat('[')) {
        if (!ParseMember(path)) return false;
      } else if (pos_ > step || Eat('[')) {
        if (!ParseBracket(path)) return false;
      } else {
        break;
      }
      if (IsWildcard(path->back()) && ++wildcards_ > kMaxWildcardsPerSelector) {
        pos_ = step;
        return Fail(
            "a property selector may use only one wildcard ([*] or .*)");
      }
    }
    return true;
  }

  size_t pos() const { return pos_; }

 private:
  bool Fail(std::string message) {
    error_->column = pos_ + 1;
    error_->message = std::move(message);
    return false;
  }
  bool Eat(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // After '.': a property name or '*'.
  bool ParseMember(std::vector<SelectorStep>* path) {
    if (Eat('*')) {
      path->push_back({SelectorStep::Kind::kAnyMember, "", 0});
      return true;
    }
    const size_t start = pos_;
    while (pos_ < text_.size() && IsJsonKeyChar(text_[pos_])) ++pos_;
    if (pos_ == start) return Fail("expected a property name after '.'");
    path->push_back({SelectorStep::Kind::kKey,
                     std::string(text_.substr(start, pos_ - start)), 0});
    return true;
  }

  // After '[': '*', a quoted key or an array index, then ']'.
  bool ParseBracket(std::vector<SelectorStep>* path) {
    if (Eat('*')) {
      if (!Eat(']')) return Fail("expected ']'");
      path->push_back({SelectorStep::Kind::kAnyElement, "", 0});
      return true;
    }
    if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
      std::string key;
      const size_t end = ReadQuoted(text_, pos_, QuoteEscapes::kNone, &key);
      if (end == std::string_view::npos) {
        pos_ = text_.size();
        return Fail("unterminated bracketed key");
      }
      pos_ = end;
      if (!Eat(']')) return Fail("expected ']'");
      path->push_back({SelectorStep::Kind::kKey, std::move(key), 0});
      return true;
    }
    const size_t start = pos_;
    size_t index = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      index = index * 10 + static_cast<size_t>(text_[pos_++] - '0');
    }
    if (pos_ == start) {
      return Fail("expected an array index, '*' or a quoted key");
    }
    if (!Eat(']')) return Fail("expected ']'");
    path->push_back({SelectorStep::Kind::kIndex, "", index});
    return true;
  }

  std::string_view text_;
  size_t pos_;
  PatternError* error_;
  int wildcards_ = 0;
};

}  // namespace

bool IsWildcard(const SelectorStep& step) {
  return step.kind == SelectorStep::Kind::kAnyElement ||
         step.kind == SelectorStep::Kind::kAnyMember;
}

bool ParseJsonSelector(std::string_view text, size_t* pos,
                       std::vector<SelectorStep>* path, PatternError* error) {
  SelectorParser parser(text, *pos, error);
  const bool ok = parser.Parse(path);
  *pos = parser.pos();
  return ok;
}

}  // namespace flowmon
