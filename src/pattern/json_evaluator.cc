#include <simdjson.h>

#include <string>

#include "pattern/json_event.h"
#include "pattern/json_expr.h"
#include "pattern/json_selector.h"

namespace flowmon {

// Evaluates tests against one parsed event.
class JsonEvaluator {
 public:
  explicit JsonEvaluator(const JsonExpr& expr) : expr_(expr) {}

  bool Node(size_t i, simdjson::dom::element root) const {
    const JsonExpr::Node& n = expr_.nodes_[i];
    switch (n.kind) {
      case JsonExpr::Node::Kind::kTest:
        return Test(expr_.tests_[n.test], root);
      case JsonExpr::Node::Kind::kAnd:
        for (size_t c : n.children) {
          if (!Node(c, root)) return false;
        }
        return true;
      case JsonExpr::Node::Kind::kOr:
        for (size_t c : n.children) {
          if (Node(c, root)) return true;
        }
        return false;
    }
    return false;
  }

 private:
  static bool Compare(const ValueTest& v, simdjson::dom::element e) {
    // A selector that points at an array or an object does not apply:
    // both = and != fail (AWS: "JSON Special Considerations").
    if (v.numeric) {
      double d;
      if (e.is_number() && e.get_double().get(d) == simdjson::SUCCESS) {
        return v.TestNumber(d);
      }
      return false;
    }
    std::string_view s;
    if (e.get_string().get(s) == simdjson::SUCCESS) return v.TestString(s);
    if (e.is_number() && v.wildcard != Wildcard::kRegex) {
      // `{ $.code = 4* }` against 404: the number's text.
      const std::string text = simdjson::to_string(e);
      return v.TestString(text);
    }
    return false;
  }

  static bool Test(const JsonTest& t, simdjson::dom::element root) {
    switch (t.kind) {
      case JsonTest::Kind::kNotExists: {
        auto any = [](simdjson::dom::element) { return true; };
        return !SelectJson(root, t.path, 0, any);
      }
      case JsonTest::Kind::kIsNull: {
        auto f = [](simdjson::dom::element e) { return e.is_null(); };
        return SelectJson(root, t.path, 0, f);
      }
      case JsonTest::Kind::kIsTrue:
      case JsonTest::Kind::kIsFalse: {
        const bool want = t.kind == JsonTest::Kind::kIsTrue;
        auto f = [want](simdjson::dom::element e) {
          bool b;
          return e.get_bool().get(b) == simdjson::SUCCESS && b == want;
        };
        return SelectJson(root, t.path, 0, f);
      }
      case JsonTest::Kind::kCompare: {
        auto f = [&t](simdjson::dom::element e) { return Compare(t.value, e); };
        return SelectJson(root, t.path, 0, f);
      }
    }
    return false;
  }

  const JsonExpr& expr_;
};

bool JsonExpr::Matches(std::string_view event) const {
  simdjson::dom::element root;
  return ParseJsonEvent(event, &root) && JsonEvaluator(*this).Node(root_, root);
}

}  // namespace flowmon
