// Every example of AWS's filter-pattern pages, with the events and the
// outcome each page states. Pages (Amazon CloudWatch Logs User Guide):
//  [syntax]  "Filter pattern syntax for metric filters, subscription
//            filters, filter log events, and Live Tail"
//            (FilterAndPatternSyntax.html) and the pages it is split into:
//  [regex]   "Supported regular expressions (regex) syntax"
//            (regex-expressions.html)
//  [terms]   "Using filter patterns to match terms in unstructured log
//            events"
//  [json]    "Using filter patterns to match terms in JSON log events"
//            (matching-terms-json-log-events.html)
//  [space]   "Using filter patterns to match terms in space-delimited log
//            events"
//  [metric]  "Creating metric filters" examples: "Count occurrences of a
//            term", "Count HTTP 404 codes", "Extract fields from an Apache
//            log"
// Where a page gives a pattern but no event, the events here are the
// smallest that show what its sentence says.
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/pattern/pattern.h"
#include "pattern_test_util.h"

namespace flowmon {
namespace {

using testing::CompileError;
using testing::Extracted;
using testing::ExtractedValues;
using testing::Matches;
using testing::MustCompile;
using testing::Which;
using N = std::vector<int>;

// The first line of a compile error: "invalid filter pattern at column
// C: MESSAGE".
std::string ErrorLine(std::string_view pattern) {
  const std::string e = CompileError(pattern);
  return e.substr(0, e.find('\n'));
}

// --- [regex] ---------------------------------------------------------------

TEST_CASE("AWS [regex]: the introduction's examples", "[pattern][aws]") {
  CHECK(Which("%\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}%",
              {"from 10.0.1.25 port 22", "from 192.168.0.1", "no address here",
               "1.2.3"}) == N{1, 2});
  CHECK(Which("%[Ee]rror|[Ff]ail%", {"Error", "error", "Fail", "fail", "ERROR",
                                     "FAIL", "ok"}) == N{1, 2, 3, 4});
  CHECK(Which("%AUTHORIZED%", {"[ERROR 401] UNAUTHORIZED REQUEST",
                               "[SUCCESS 200] AUTHORIZED REQUEST",
                               "[INFO 200] OK"}) == N{1, 2});
}

TEST_CASE("AWS [regex]: what a regex may hold", "[pattern][aws]") {
  // "%something!% would be rejected since '!' is not supported."
  CHECK(CompileError("%something!%") ==
        "invalid filter pattern at column 11: unsupported character '!' in "
        "regex (allowed: letters, digits, spaces, : _ # = @ / ; , - and the "
        "operators ^ $ ? [ ] { } | \\ * + .)\n"
        "  %something!%\n"
        "            ^");
  // Every listed symbol and operator is accepted.
  CHECK(Matches("%:_#=@/;,-%", "a:_#=@/;,-b"));
  CHECK(Matches("%^a$|b?[c]{1}\\|+.*%", "a"));
  // "The ( and ) operators are not supported."
  CHECK(ErrorLine("%^(ERROR|WARN)%") ==
        "invalid filter pattern at column 3: the ( and ) operators are not "
        "supported in regex: a filter pattern cannot define a subpattern");
  CHECK(ErrorLine("%ERROR)%")
            .starts_with("invalid filter pattern at column 7: the ( and )"));
  // "Multi-byte characters are not supported."
  CHECK(ErrorLine("%caf\xc3\xa9%") ==
        "invalid filter pattern at column 5: multi-byte characters are not "
        "supported in regex");
  // Other characters are not listed: rejected where they stand.
  for (const char* p : {"%a\"b%", "%a'b%", "%a<b%", "%a&b%", "%a~b%"}) {
    CHECK(ErrorLine(p).starts_with(
        "invalid filter pattern at column 3: unsupported character"));
  }
  // "Filter patterns are case sensitive": so are their regexes.
  CHECK_FALSE(Matches("%error%", "ERROR"));
}

TEST_CASE("AWS [regex]: spaces, as the page's own examples use them",
          "[pattern][aws]") {
  // "%^starting|^initializing|^shutting down% can match "starting ...", or
  // "initializing ...", or "shutting down", but won't match "skipping
  // initializing ..."" -- in a term pattern, a field value and a JSON value.
  CHECK(Which("%^starting|^initializing|^shutting down%",
              {"starting ...", "initializing ...", "shutting down",
               "skipping initializing ..."}) == N{1, 2, 3});
  CHECK(Matches("%ERROR [0-9]%", "an ERROR 5 here"));
  CHECK_FALSE(Matches("%ERROR [0-9]%", "an ERROR5 here"));
  CHECK(Matches("[level, msg=%^shutting down%]", "INFO \"shutting down now\""));
  CHECK(Matches("{ $.msg = %^shutting down% }",
                R"({"msg": "shutting down now"})"));
  CHECK(Matches("ERROR %[0-9] [a-z]%", "ERROR 4 x"));
}

TEST_CASE("AWS [regex]: usage of the supported operators", "[pattern][aws]") {
  // ^ and $ anchor to the start and end of the string.
  CHECK(Which("%^[hc]at%", {"hat", "cat", "hat trick", "that", "a cat"}) ==
        N{1, 2, 3});
  CHECK(Which("%[hc]at$%", {"hat", "cat", "the cat", "cats", "hate"}) ==
        N{1, 2, 3});
  // ? zero or one.
  CHECK(Which("%colou?r%", {"color", "colour", "colouur"}) == N{1, 2});
  // [] character classes.
  CHECK(Which("%[abc]%", {"a", "b", "c", "d"}) == N{1, 2, 3});
  CHECK(Which("%[a-z]%", {"q", "Q", "7"}) == N{1});
  CHECK(Which("%[abcx-z]%", {"a", "b", "c", "x", "y", "z", "d", "w"}) ==
        N{1, 2, 3, 4, 5, 6});
  // {m, n}: "%a{3,5}% matches only "aaa", "aaaa", and "aaaaa"".
  CHECK(Which("%^a{3,5}$%", {"aa", "aaa", "aaaa", "aaaaa", "aaaaaa"}) ==
        N{2, 3, 4});
  CHECK(Which("%a{3,5}%", {"aa", "aaa", "aaaa", "aaaaa"}) == N{2, 3, 4});
  // "Either m or n can be omitted", and the heading writes "{m, n}".
  CHECK(Which("%^a{3,}$%", {"aa", "aaa", "aaaaaaa"}) == N{2, 3});
  CHECK(Which("%^a{,2}$%", {"", "a", "aa", "aaa"}) == N{1, 2, 3});
  CHECK(Which("%^a{3, 5}$%", {"aa", "aaa", "aaaaa", "aaaaaa"}) == N{2, 3});
  CHECK(Which("%^a{3}$%", {"aa", "aaa", "aaaa"}) == N{2});
  // | alternatives.
  CHECK(Which("%gra|ey%", {"gray", "grey", "gay"}) == N{1, 2});
  // The page writes "%abcc|ab[^c]$" without its closing '%': as written it
  // is an unterminated regex; closed, it matches as the page says.
  CHECK(ErrorLine("%abcc|ab[^c]$") ==
        "invalid filter pattern at column 1: unterminated regex: expected "
        "'%'");
  CHECK(Which("%abcc|ab[^c]$%", {"abcc ...", "aba", "aac ..."}) == N{1, 2});
  // \ escapes an operator: "%\[.\]% matches any single character
  // surrounded by "[" and "]"".
  CHECK(Which("%\\[.\\]%", {"[a]", "[b]", "[7]", "[@]", "[]]", "[ ]", "[]",
                            "[ab]"}) == N{1, 2, 3, 4, 5, 6});
  // "%10\.10\.0\.1% is the correct way to create a regex to match the IP
  // address 10.10.0.1"; "%10.10.0.1% can match "10010,051"".
  CHECK(Which("%10\\.10\\.0\\.1%", {"10.10.0.1", "10010,051"}) == N{1});
  CHECK(Which("%10.10.0.1%", {"10.10.0.1", "10010,051"}) == N{1, 2});
  // * and +.
  CHECK(Which("%ab*c%", {"ac", "abc", "abbbc", "adc"}) == N{1, 2, 3});
  CHECK(Which("%^ab[0-9]*$%", {"ab", "ab0", "ab129", "abx"}) == N{1, 2, 3});
  CHECK(Which("%ab+c%", {"abc", "abbc", "abbbc", "ac"}) == N{1, 2, 3});
  // . any single character, a space included.
  CHECK(Which("%^.at$%", {"hat", "cat", "bat", "4at", "#at", " at", "at",
                          "flat"}) == N{1, 2, 3, 4, 5, 6});
}

TEST_CASE("AWS [regex]: character class escapes and \\xhh", "[pattern][aws]") {
  const std::vector<std::string> chars = {"a", "Z",  "0", "9", "_",
                                          " ", "\t", ":", "-", "%"};
  // "%\d% is equivalent to %[0-9]% and %\D% is equivalent to %[^0-9]%";
  // "%\w% is equivalent to %[a-zA-Z_0-9]% and %\W% is equivalent to
  // %[^a-zA-Z_0-9]%".
  CHECK(Which("%\\d%", chars) == Which("%[0-9]%", chars));
  CHECK(Which("%\\D%", chars) == Which("%[^0-9]%", chars));
  CHECK(Which("%\\w%", chars) == Which("%[a-zA-Z_0-9]%", chars));
  CHECK(Which("%\\W%", chars) == Which("%[^a-zA-Z_0-9]%", chars));
  CHECK(Which("%\\d%", chars) == N{3, 4});
  // \s: "Whitespace characters include the tab (\t), space ( ), and newline
  // (\n) characters."
  CHECK(Which("%\\s%", chars) == N{6, 7});
  CHECK(Which("%^\\S$%", chars) == N{1, 2, 3, 4, 5, 8, 9, 10});
  Record multi_line;  // a term pattern looks at the line only
  multi_line.line = "a\nb";
  CHECK(MustCompile("%a\\sb%").Matches(multi_line));
  CHECK(Matches("%a\\tb%", "a\tb"));
  // "%\x3A% matches :; and %\x28% matches (".
  CHECK(Which("%\\x3A%", {":", "a"}) == N{1});
  CHECK(Which("%\\x28%", {"(", "a"}) == N{1});
  CHECK(ErrorLine("%\\x3%") ==
        "invalid filter pattern at column 2: \\x in regex takes two "
        "hexadecimal digits (\\xhh)");
  CHECK(ErrorLine("%\\x{28}%")
            .starts_with(
                "invalid filter pattern at column 2: \\x in regex takes two"));
  // Escapes the page does not list are not guessed at.
  for (const char* p : {"%\\bERROR%", "%\\pL%", "%\\1%", "%\\QA%", "%\\!%"}) {
    CHECK(ErrorLine(p).starts_with(
        "invalid filter pattern at column 2: unsupported escape"));
  }
}

TEST_CASE("AWS [regex]: at most 2 regexes in a delimited or JSON pattern",
          "[pattern][aws]") {
  // "There is a limit of 2 regex for each filter pattern when creating a
  // delimited or JSON filter pattern."
  CHECK(MustCompile("[a=%x%, b=%y%, c]").kind() ==
        CompiledPattern::Kind::kSpaceDelimited);
  CHECK(ErrorLine("[a=%x%, b=%y%, c=%z%]") ==
        "invalid filter pattern at column 18: a space-delimited filter "
        "pattern may contain at most 2 regular expressions");
  CHECK(ErrorLine("{ $.a = %x% || $.b = %y% || $.c = %z% }") ==
        "invalid filter pattern at column 35: a JSON filter pattern may "
        "contain at most 2 regular expressions");
  // The limit names those two families only; a term pattern may hold more.
  CHECK(Matches("%a% %b% %c%", "a b c"));
}

// --- [syntax] "Using filter patterns to match terms with a regex" -----------

TEST_CASE("AWS [syntax]: %AUTHORIZED% as a whole pattern", "[pattern][aws]") {
  CHECK(Which("  %AUTHORIZED%  ", {"[ERROR 401] UNAUTHORIZED REQUEST",
                                   "[SUCCESS 200] AUTHORIZED REQUEST"}) ==
        N{1, 2});
}

// --- [terms] ---------------------------------------------------------------

const std::vector<std::string> kRequestEvents = {
    "[ERROR 400] BAD REQUEST", "[ERROR 401] UNAUTHORIZED REQUEST",
    "[ERROR 419] MISSING ARGUMENTS", "[ERROR 420] INVALID ARGUMENTS"};

TEST_CASE("AWS [terms]: single, multiple and optional terms",
          "[pattern][aws]") {
  CHECK(Which("ERROR", kRequestEvents) == N{1, 2, 3, 4});
  CHECK(Which("ERROR ARGUMENTS", kRequestEvents) == N{3, 4});
  CHECK(Which("?ERROR ?ARGUMENTS", kRequestEvents) == N{1, 2, 3, 4});
  CHECK(Which("?ERROR ?ARGUMENTS", {"[INFO 200] OK"}).empty());
}

TEST_CASE("AWS [terms]: '?' beside other terms is ignored", "[pattern][aws]") {
  // "If you combine "?" with other filter patterns, all question mark terms
  // will be ignored. For example, the following filter pattern matches all
  // events containing the word REQUEST."
  CHECK(Which("?ERROR ?ARGUMENTS REQUEST",
              {"[INFO] REQUEST FAILED", "[WARN] UNAUTHORIZED REQUEST",
               "[ERROR] 400 BAD REQUEST"}) == N{1, 2, 3});
  CHECK(Which("?ERROR ?ARGUMENTS REQUEST", kRequestEvents) == N{1, 2});
  // "... with other filter patterns, such as include and exclude terms".
  CHECK(Which("?ERROR ?ARGUMENTS -REQUEST", kRequestEvents) == N{3, 4});
  CHECK(Which("ERROR ?WARN", {"ERROR", "WARN", "ERROR WARN"}) == N{1, 3});
  CHECK(MustCompile("ERROR ?WARN").ignores_optional_terms());
  CHECK_FALSE(MustCompile("?ERROR ?WARN").ignores_optional_terms());
}

TEST_CASE("AWS [terms]: phrases, exclusions and everything", "[pattern][aws]") {
  CHECK(Which("\"INTERNAL SERVER ERROR\"",
              {"[ERROR 500] INTERNAL SERVER ERROR",
               "[ERROR 500] INTERNAL ERROR ON SERVER"}) == N{1});
  CHECK(Which("ERROR -ARGUMENTS", kRequestEvents) == N{1, 2});
  // "You can match everything in your log events with double quotation
  // marks": " ".
  CHECK(Which("\" \"", kRequestEvents) == N{1, 2, 3, 4});
  CHECK(Which("\" \"", {"x", ""}) == N{1, 2});
  // "Filter patterns are case sensitive."
  CHECK(Which("error", kRequestEvents).empty());
}

// --- [json] ----------------------------------------------------------------

// The page's event, on one line as it asks for testing.
constexpr const char* kJsonEvent =
    R"({"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111", )"
    R"("arrayKey": ["value", "another value"], )"
    R"("objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}], )"
    R"("SomeObject": null, "cluster.name": "c"})";

TEST_CASE("AWS [json]: the single-condition examples", "[pattern][aws]") {
  for (const char* p : {
           R"({ $.eventType = "UpdateTrail" })",
           "{ $.sourceIPAddress != 123.123.* }",
           R"({ $.arrayKey[0] = "value" })",
           "{ $.eventType = %Trail% }",
           "{ $.arrayKey[*] = %val.{2}% }",
           "{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }",
           R"({ $.['cluster.name'] = "c" })",
           "{ $.SomeObject IS NULL }",
           "{ $.SomeOtherObject NOT EXISTS }",
       }) {
    INFO(p);
    CHECK(Matches(p, kJsonEvent));
  }
  // "This pattern works with any JSON logs containing an eventType field":
  // of the page's three, the one whose eventType is UpdateTrail.
  CHECK(Which(R"({ $.eventType = "UpdateTrail" })",
              {R"({"eventType": "UserLogin", "userId": "123"})",
               R"({"eventType": "ConfigUpdate", "component": "database"})",
               R"({"eventType": "UpdateTrail", "source": "cloudtrail"})"}) ==
        N{3});
  // The bracket notation selects the key with the period, not a path.
  CHECK_FALSE(Matches("{ $.cluster.name = \"c\" }", kJsonEvent));
  CHECK(Matches("{ $['cluster.name'] = c }", kJsonEvent));
  CHECK(Matches(R"({ $["key with space"] = 1 })", R"({"key with space": 1})"));
  CHECK(Matches(R"({ $.a.['b.c'][1] = 2 })", R"({"a": {"b.c": [1, 2]}})"));
  // "The variables IS NOT and EXISTS currently aren't supported."
  CHECK(ErrorLine("{ $.SomeObject IS NOT NULL }") ==
        "invalid filter pattern at column 19: expected TRUE, FALSE or NULL "
        "after IS");
  CHECK(ErrorLine("{ $.SomeObject EXISTS }") ==
        "invalid filter pattern at column 16: expected an operator (=, !=, "
        "<, <=, >, >=), IS or NOT EXISTS");
}

TEST_CASE("AWS [json]: selectors that point at arrays or objects",
          "[pattern][aws]") {
  // "If a property selector points to an array or object, the filter
  // pattern won't match the log format": for strings and numbers, = and !=.
  for (const char* p :
       {R"({ $.arrayKey = "value" })", R"({ $.arrayKey != "value" })",
        "{ $.objectList = 1 }", "{ $.objectList != 1 }",
        "{ $.objectList[0] > 0 }", "{ $.arrayKey = * }"}) {
    INFO(p);
    CHECK_FALSE(Matches(p, kJsonEvent));
  }
}

TEST_CASE("AWS [json]: numeric values", "[pattern][aws]") {
  // Each pattern of the page with an event it matches and one it does not;
  // the last: "Use the asterisk ("*") as a wild card to match numbers."
  struct Example {
    const char* pattern;
    const char* match;
    const char* miss;
  };
  for (const Example& e : {
           Example{"{ $.bandwidth > 75 }", R"({"bandwidth": 76})",
                   R"({"bandwidth": 75})"},
           Example{"{ $.latency < 50 }", R"({"latency": 49.5})",
                   R"({"latency": 50})"},
           Example{"{ $.refreshRate >= 60 }", R"({"refreshRate": 60})",
                   R"({"refreshRate": 59})"},
           Example{"{ $.responseTime <= 5 }", R"({"responseTime": 5})",
                   R"({"responseTime": 6})"},
           Example{"{ $.errorCode = 400}", R"({"errorCode": 400})",
                   R"({"errorCode": 500})"},
           Example{"{ $.errorCode != 500 }", R"({"errorCode": 400})",
                   R"({"errorCode": 500})"},
           Example{"{ $.number[0] = 1e+3 }", R"({"number": [1000]})",
                   R"({"number": [1]})"},
           Example{"{ $.number[0] != 1e-3 }", R"({"number": [1000]})",
                   R"({"number": [0.001]})"},
           Example{"{ $.errorCode = 4* }", R"({"errorCode": 404})",
                   R"({"errorCode": 500})"},
       }) {
    CHECK(Which(e.pattern, {e.match, e.miss}) == N{1});
  }
}

// The page's event for compound expressions, on one line.
constexpr const char* kCompoundEvent =
    R"({"user": {"id": 1, "email": "John.Stiles@example.com"}, )"
    R"("users": [{"id": 2, "email": "John.Doe@example.com"}, )"
    R"({"id": 3, "email": "Jane.Doe@example.com"}], )"
    R"("actions": ["GET", "PUT", "DELETE"], )"
    R"("coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]})";

TEST_CASE("AWS [json]: compound expressions", "[pattern][aws]") {
  CHECK(Matches(
      R"({ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") })",
      kCompoundEvent));
  CHECK(Matches(R"({ $.user.email = "John.Stiles@example.com" || )"
                R"($.coordinates[0][1] = "nonmatch" && )"
                R"($.actions[2] = "nonmatch" })",
                kCompoundEvent));
  CHECK_FALSE(Matches(R"({ ($.user.email = "John.Stiles@example.com" || )"
                      R"($.coordinates[0][1] = "nonmatch") && )"
                      R"($.actions[2] = "nonmatch" })",
                      kCompoundEvent));
  CHECK_FALSE(Matches(R"({ ($.user.id = 2 && $.users[0].email = "nonmatch") )"
                      R"(|| $.actions[2] = "GET" })",
                      kCompoundEvent));
}

TEST_CASE("AWS [json]: the wildcard quotas", "[pattern][aws]") {
  // "You can only use up to one wildcard selector in a property selector,
  // and up to three wildcard selectors in a filter pattern with compound
  // expressions."
  CHECK(CompileError("{ $.objectList[*].* = 1 }") ==
        "invalid filter pattern at column 18: a property selector may use "
        "only one wildcard ([*] or .*)\n"
        "  { $.objectList[*].* = 1 }\n"
        "                   ^");
  CHECK(ErrorLine("{ $.*[0][*] = 1 }") ==
        "invalid filter pattern at column 9: a property selector may use "
        "only one wildcard ([*] or .*)");
  const char* const three = R"({ $.users[*].id = 2 || $.actions[*] = "GET" || )"
                            R"($.coordinates[*][0] = 4 })";
  CHECK(Matches(three, kCompoundEvent));
  const std::string four = R"({ $.users[*].id = 9 || $.actions[*] = "x" || )"
                           R"($.coordinates[*][0] = 9 || $.user.* = 1 })";
  CHECK(CompileError(four) ==
        "invalid filter pattern at column 73: a JSON filter pattern may use "
        "at most 3 wildcard selectors\n  " +
            four + "\n" + std::string(2 + 72, ' ') + "^");
  // A selector without a wildcard does not count.
  CHECK(Matches(R"({ $.users[*].id = 2 && $.actions[*] = "GET" && )"
                R"($.coordinates[*][0] = 4 && $.user.id = 1 })",
                kCompoundEvent));
}

// --- [space] ---------------------------------------------------------------

constexpr const char* kSevenFields =
    "127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html "
    "HTTP/1.0\" 404 1534";

TEST_CASE("AWS [space]: the seven-field event", "[pattern][aws]") {
  // "Characters between brackets ("[]") and double quotation marks ("") are
  // considered single fields."
  CHECK(ExtractedValues(
            "[ip, user, username, timestamp, request, status_code, bytes]",
            kSevenFields) ==
        Extracted{{"$ip", "127.0.0.1"},
                  {"$user", "Prod"},
                  {"$username", "frank"},
                  {"$timestamp", "10/Oct/2000:13:25:15 -0700"},
                  {"$request", "GET /index.html HTTP/1.0"},
                  {"$status_code", "404"},
                  {"$bytes", "1534"}});
  CHECK(
      Matches("[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, "
              "request =*.html*, status_code = 4*, bytes]",
              kSevenFields));
  // "ip uses regex that matches IP address range 127.0.0.1 - 127.0.0.9".
  CHECK_FALSE(
      Matches("[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, "
              "request =*.html*, status_code = 4*, bytes]",
              "127.0.0.0 Prod frank [x] \"GET /index.html\" 404 1"));
  CHECK(Matches("[..., request =*.html*, status_code = 4*, bytes]",
                kSevenFields));
  CHECK(
      Matches("[ip, user, username, timestamp, request =*.html*, "
              "status_code = 404 || status_code = 410, bytes]",
              kSevenFields));
  CHECK_FALSE(
      Matches("[ip, user, username, timestamp, request =*.html*, "
              "status_code = 404 || status_code = 410, bytes]",
              "127.0.0.1 Prod frank [x] \"GET /index.html\" 400 1"));
}

const std::vector<std::string> kServiceEvents = {
    "INFO 09/25/2014 12:00:00 GET /service/resource/67 1200",
    "INFO 09/25/2014 12:00:01 POST /service/resource/67/part/111 1310",
    "WARNING 09/25/2014 12:00:02 Invalid user request",
    "ERROR 09/25/2014 12:00:02 Failed to process request"};

TEST_CASE("AWS [space]: resource URIs", "[pattern][aws]") {
  CHECK(Which("[logLevel, date, time, method, "
              "url=%/service/resource/[0-9]+$%, response_time]",
              kServiceEvents) == N{1});
  CHECK(Which("[logLevel, date, time, method, "
              "url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]",
              kServiceEvents) == N{2});
}

TEST_CASE("AWS [space]: terms in order, w1 and w2", "[pattern][aws]") {
  // The page: [w1=ERROR, w2] "returns log events where the first word in
  // the log events is ERROR", with a blank w2 "after the w1 term"; the
  // OR examples of the earlier edition say the same pattern matches
  // "ERROR message" but not "ERROR WARN message". flowmon binds a pattern
  // without '...' to lines of exactly its field count (docs/patterns.md,
  // "Where the AWS documentation contradicts itself"): on the page's events
  // of six and seven fields the two-field patterns match nothing, and
  // `...` says "the first word" for lines of any length.
  CHECK(Which("[w1=ERROR, w2]", kServiceEvents).empty());
  CHECK(Which("[w1=ERROR, ...]", kServiceEvents) == N{4});
  CHECK(Which("[w1=ERROR || w1=WARNING, ...]", kServiceEvents) == N{3, 4});
  CHECK(Which("[w1!=ERROR && w1!=WARNING, ...]", kServiceEvents) == N{1, 2});
  const std::vector<std::string> two = {"ERROR request", "WARNING request",
                                        "INFO request"};
  CHECK(Which("[w1=ERROR, w2]", two) == N{1});
  CHECK(Which("[w1=ERROR || w1=WARNING, w2]", two) == N{1, 2});
  CHECK(Which("[w1!=ERROR && w1!=WARNING, w2]", two) == N{3});
}

// --- [metric] --------------------------------------------------------------

TEST_CASE("AWS [metric]: count occurrences of a term", "[pattern][aws]") {
  CHECK(Which("Error", {"This message contains an Error",
                        "This message also contains an Error",
                        "this message has an error"}) == N{1, 2});
}

TEST_CASE("AWS [metric]: count HTTP 404 codes", "[pattern][aws]") {
  CHECK(
      Matches("[IP, UserInfo, User, Timestamp, RequestInfo, StatusCode=404, "
              "Bytes]",
              "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET "
              "/apache_pb.gif HTTP/1.0\" 404 2326"));
  CHECK(Which("[ip, id, user, timestamp, request, status_code=404, size]",
              {"127.0.0.1 - bob [10/Oct/2000:13:55:36 -0700] \"GET "
               "/apache_pb.gif HTTP/1.0\" 404 2326",
               "127.0.0.1 - bob [10/Oct/2000:13:55:36 -0700] \"GET "
               "/apache_pb2.gif HTTP/1.0\" 200 2326"}) == N{1});
}

TEST_CASE("AWS [metric]: extract fields from an Apache log", "[pattern][aws]") {
  // "The metric value is the value of the seventh matched token."
  const char* const pattern =
      "[ip, id, user, timestamp, request, status_code, size]";
  const std::vector<std::pair<std::string, std::string>> events = {
      {"127.0.0.1 - - [24/Sep/2013:11:49:52 -0700] \"GET /index.html "
       "HTTP/1.1\" 404 287",
       "287"},
      {"127.0.0.1 - - [24/Sep/2013:11:50:51 -0700] \"GET /~test/ HTTP/1.1\" "
       "200 3",
       "3"},
      {"127.0.0.1 - - [24/Sep/2013:11:50:51 -0700] \"GET /favicon.ico "
       "HTTP/1.1\" 404 308",
       "308"},
      {"127.0.0.1 - - [24/Sep/2013:11:51:34 -0700] \"GET /~test/index.html "
       "HTTP/1.1\" 200 3",
       "3"}};
  for (const auto& [event, size] : events) {
    const Extracted got = ExtractedValues(pattern, event);
    REQUIRE(got.size() == 7);
    CHECK(got[6] == std::pair<std::string, std::string>{"$size", size});
  }
}

// --- TestMetricFilter: extractedValues --------------------------------------

TEST_CASE("AWS TestMetricFilter: [] extracts every field by position",
          "[pattern][aws]") {
  // A space-delimited pattern's extracted values name its named fields and
  // number the rest; `[]` names none, so every field is $1..$N.
  CHECK(ExtractedValues("[]", kSevenFields) ==
        Extracted{{"$1", "127.0.0.1"},
                  {"$2", "Prod"},
                  {"$3", "frank"},
                  {"$4", "10/Oct/2000:13:25:15 -0700"},
                  {"$5", "GET /index.html HTTP/1.0"},
                  {"$6", "404"},
                  {"$7", "1534"}});
  CHECK(ExtractedValues("[]", "one").size() == 1);
  CHECK(ExtractedValues(" [ ] ", "").empty());
  // Term and JSON patterns extract nothing, match-all ones included.
  CHECK(ExtractedValues("\" \"", kSevenFields).empty());
  CHECK(ExtractedValues("", kSevenFields).empty());
  CHECK(ExtractedValues("{ $.a = 1 }", R"({"a": 1})").empty());
}

}  // namespace
}  // namespace flowmon
