// The examples of AWS's "CloudWatch Logs Insights language query syntax"
// pages (parse, stats, comments, the function tables), run over flow-log
// records or over the log lines they were written for.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/insights/query.h"
#include "insights/query_test_util.h"

namespace flowmon {
namespace {

using testing::Column;
using testing::Query;
using testing::QueryError;
using testing::QueryRaw;
using testing::Text;

// The one value of `expr` (over the first sample record).
std::string Value(const std::string& expr) {
  INFO(expr);
  const QueryResult r =
      Query("filter srcPort = 40000 | fields " + expr + " as v");
  REQUIRE(r.rows.size() == 1);
  return Text(r.rows[0][0]);
}

bool IsTime(const QueryResult& r, std::string_view name) {
  for (size_t i = 0; i < r.columns.size(); ++i) {
    if (r.columns[i] == name) return r.time_columns[i];
  }
  FAIL("no column " << name);
  return false;
}

const char* const kAppLines =
    "user=alice, method:GET, latency := 10\n"
    "user=bob, method:PUT, latency := 30\n"
    "user=alice, method:GET, latency := 20\n";

TEST_CASE("parse: glob patterns", "[query][parse]") {
  // parse: "user=*, method:*, latency := *" as @user, @method, @latency.
  const QueryResult r = QueryRaw(
      "parse @message \"user=*, method:*, latency := *\" as @user,\n"
      "    @method, @latency | stats avg(@latency) by @method, @user",
      kAppLines);
  CHECK(r.columns ==
        std::vector<std::string>{"@method", "@user", "avg(@latency)"});
  CHECK(Column(r, "@user") == std::vector<std::string>{"alice", "bob"});
  CHECK(Column(r, "avg(@latency)") == std::vector<std::string>{"15", "30"});

  // The flow-log fields of the default format, each a word.
  const QueryResult f = Query(
      "parse @message \"* * * * * * * * * * * * * *\" as version, account, "
      "eni, src, dst, sport, dport, proto, pkts, size, first, last, verdict, "
      "status | filter verdict = \"REJECT\" | stats sum(size) as b by src | "
      "sort b desc");
  CHECK(Column(f, "src") ==
        std::vector<std::string>{"61.177.172.1", "185.220.101.9"});
  CHECK(Column(f, "b") == std::vector<std::string>{"84", "60"});
}

TEST_CASE("parse: chained, and shown with the other columns",
          "[query][parse]") {
  const QueryResult r = QueryRaw(
      "parse @message \"url=*\" as url\n"
      "| parse url \"/api/*/users/*\" as apiVersion, userId\n"
      "| display apiVersion, userId",
      "GET url=/api/v2/users/42\nGET url=/other\n");
  CHECK(r.columns == std::vector<std::string>{"apiVersion", "userId"});
  // Newest first: the lines have no time, so input order stays.
  CHECK(Column(r, "apiVersion") == std::vector<std::string>{"v2", "null"});
  CHECK(Column(r, "userId") == std::vector<std::string>{"42", "null"});

  // A line that does not match still comes out, without the fields.
  const QueryResult d = QueryRaw(
      "fields @message\n"
      "| parse @message \"[*] *\" as loggingType, loggingMessage\n"
      "| filter loggingType = \"ERROR\"\n"
      "| display loggingMessage",
      "[ERROR] disk full\n[INFO] all good\nno brackets\n");
  CHECK(Column(d, "loggingMessage") == std::vector<std::string>{"disk full"});

  const QueryResult shown = QueryRaw("parse @message \"[*] *\" as level, text",
                                     "[ERROR] disk full\n");
  CHECK(shown.columns ==
        std::vector<std::string>{"@timestamp", "@message", "level", "text"});
}

TEST_CASE("parse: regular expressions with named groups", "[query][parse]") {
  // AWS's example ends in (?<latency2>.*?)/, which matches nothing: $ here.
  const QueryResult r = QueryRaw(
      "parse @message /user=(?<user2>.*?), method:(?<method2>.*?), latency "
      ":= (?<latency2>.*?)$/\n"
      "| stats avg(latency2) by method2, user2",
      kAppLines);
  CHECK(Column(r, "avg(latency2)") == std::vector<std::string>{"15", "30"});

  // AWS's VPC example: the ENI into NetworkInterface.
  const QueryResult eni = Query(
      "parse @message /(?<NetworkInterface>eni-.*?) / | display "
      "NetworkInterface, @message | limit 1",
      "2 1 eni-0a1b 10.0.0.1 10.0.0.2 1 2 6 1 40 1563108000 1563108010 "
      "ACCEPT OK\n");
  CHECK(Column(eni, "NetworkInterface") ==
        std::vector<std::string>{"eni-0a1b"});

  // Unnamed groups take the names after as, in order.
  const QueryResult as =
      Query("parse @message /^(\\S+) (\\S+)/ as v, acct | display acct");
  CHECK(Column(as, "acct")[0] == "1");
}

TEST_CASE("parse: errors name what is wrong", "[query][parse]") {
  CHECK(QueryError("parse @message \"* *\" as a")
            .starts_with(
                "query:1:16: the pattern has 2 wildcards (*) for 1 name"));
  CHECK(QueryError("parse @message /(\\d+)/ as ip multi")
            .starts_with("query:1:30: parse ... multi is not supported"));
  CHECK(QueryError("parse @message logfmt as lf")
            .starts_with("query:1:16: parse logfmt is not supported"));
  CHECK(QueryError("parse @message csv as a, b")
            .starts_with("query:1:16: parse csv is not supported"));
  CHECK(QueryError("parse @message /no groups/")
            .starts_with(
                "query:1:16: the regular expression has no named group"));
  CHECK(QueryError("stats count(*) by srcAddr | parse srcAddr \"*.*\" as a, b")
            .starts_with("query:1:29: parse after stats is not supported"));
}

TEST_CASE("comments: # to the end of the line", "[query]") {
  const QueryResult r = Query(
      "fields @timestamp, @message, accountId\n"
      "# | filter accountId not like \"7983124201998\"\n"
      "| sort @timestamp desc\n"
      "| limit 20 # the newest twenty");
  CHECK(r.rows.size() == 5);
  CHECK(r.columns ==
        std::vector<std::string>{"@timestamp", "@message", "accountId"});
  // Inside quotes a # is text.
  CHECK(Value("\"a#b\"") == "a#b");
}

TEST_CASE("stats: arithmetic on aggregates, count()", "[query][stats]") {
  const QueryResult r = Query(
      "stats sum(bytes)/1024 as kb, sum(bytes) / count(*) as per, count() as "
      "n, count(*) - count(bytes) as nulls");
  CHECK(Column(r, "kb") == std::vector<std::string>{"4.046875"});
  CHECK(Column(r, "per") == std::vector<std::string>{"828.8"});
  CHECK(Column(r, "n") == std::vector<std::string>{"5"});
  CHECK(Column(r, "nulls") == std::vector<std::string>{"1"});
  // Unnamed, a column is named by its text as written.
  CHECK(Query("stats sum(bytes)/1048576").columns ==
        std::vector<std::string>{"sum(bytes)/1048576"});
}

TEST_CASE("stats: stddev, earliest, latest, sortsFirst, sortsLast",
          "[query][stats]") {
  const QueryResult r = Query(
      "stats stddev(bytes) as sd, earliest(srcPort) as e, latest(srcPort) as "
      "l, sortsFirst(srcAddr) as f, sortsLast(srcAddr) as s, min(srcAddr) as "
      "mn, max(@timestamp) as t");
  // bytes 40, 44, 60, 4000: the sample standard deviation.
  CHECK(Column(r, "sd")[0].starts_with("1976.018"));
  CHECK(Column(r, "e") == std::vector<std::string>{"40000"});
  CHECK(Column(r, "l") == std::vector<std::string>{"443"});  // NODATA has none
  CHECK(Column(r, "f") == std::vector<std::string>{"-"});
  CHECK(Column(r, "s") == std::vector<std::string>{"185.220.101.9"});
  CHECK(Column(r, "mn") == std::vector<std::string>{"-"});
  CHECK(IsTime(r, "t"));
  CHECK(!IsTime(r, "e"));
}

TEST_CASE("stats: a second stats over the first one's rows", "[query][stats]") {
  // AWS: peak, lowest and average of the 5-minute volumes.
  const QueryResult r = Query(
      "FIELDS strlen(@message) AS message_length\n"
      "| STATS sum(message_length) AS logs_b BY bin(1m)\n"
      "| STATS max(logs_b) AS peak_b, min(logs_b) AS min_b,\n"
      "        avg(logs_b) AS avg_b, count(*) as bins");
  CHECK(Column(r, "bins") == std::vector<std::string>{"5"});
  CHECK(Column(r, "peak_b") == std::vector<std::string>{"79"});
  CHECK(Column(r, "min_b") == std::vector<std::string>{"50"});
  CHECK(Column(r, "avg_b") == std::vector<std::string>{"71.6"});

  // With a filter between, as AWS's session example.
  const QueryResult s = Query(
      "STATS count_distinct(dstPort) AS ports, count(*) AS requests BY "
      "srcAddr, action\n"
      "| FILTER requests > 1\n"
      "| STATS count(*) AS multi, sum(requests) / count(*) AS avg_requests "
      "BY action");
  CHECK(Column(s, "action") == std::vector<std::string>{"REJECT"});
  CHECK(Column(s, "avg_requests") == std::vector<std::string>{"2"});

  // bin(5m) as @t, then dateceil(@t, 10m).
  const QueryResult t = Query(
      "STATS count(*) AS n BY BIN(5m) as @t\n"
      "| STATS sum(n) AS total BY dateceil(@t, 10m)");
  REQUIRE(t.rows.size() == 1);
  CHECK(InsightsTime(static_cast<int64_t>(std::get<double>(t.rows[0][0]))) ==
        "2019-07-14 12:40:00.000");
  CHECK(t.time_columns[0]);
  CHECK(Column(t, "total") == std::vector<std::string>{"5"});
}

TEST_CASE("stats: the second stats sees only the first one's columns",
          "[query][stats]") {
  // AWS's invalid examples: each an error at the reference.
  CHECK(QueryError("FIELDS @message\n"
                   "| STATS SUM(bytes) by srcAddr\n"
                   "| STATS MAX(strlen(@message)) AS MaxMessageSize")
            .starts_with("query:3:20: '@message' is not a column of the "
                         "stats before"));
  CHECK(QueryError("stats sum(bytes) as b by srcAddr | stats avg(b) by "
                   "bin(5m)")
            .starts_with("query:1:52: bin() needs @timestamp"));
  CHECK(QueryError("stats count(*) | stats count(*) | stats count(*)")
            .starts_with("query:1:35: at most two stats commands"));
  CHECK(QueryError("stats count(*) as n by srcAddr | sort n | stats sum(n)")
            .starts_with("query:1:34: sort before the second stats is not "
                         "supported"));
  // Naming the column of an aggregate by its text.
  const QueryResult r = Query(
      "stats sum(bytes) by srcAddr | filter sum(bytes) > 50 | stats "
      "max(sum(bytes)) as m");
  CHECK(Column(r, "m") == std::vector<std::string>{"4000"});
}

TEST_CASE("bin: every unit AWS spells", "[query][bin]") {
  // 2019-07-14 12:40:00 UTC is 1563108000, a Sunday.
  struct Case {
    const char* period;
    const char* start;
  };
  const Case cases[] = {
      {"100ms", "2019-07-14 12:41:10.000"},
      {"100msec", "2019-07-14 12:41:10.000"},
      {"100msecs", "2019-07-14 12:41:10.000"},
      {"100millisecond", "2019-07-14 12:41:10.000"},
      {"100milliseconds", "2019-07-14 12:41:10.000"},
      {"30s", "2019-07-14 12:41:00.000"},
      {"30sec", "2019-07-14 12:41:00.000"},
      {"30secs", "2019-07-14 12:41:00.000"},
      {"30second", "2019-07-14 12:41:00.000"},
      {"30seconds", "2019-07-14 12:41:00.000"},
      {"2m", "2019-07-14 12:40:00.000"},
      {"2min", "2019-07-14 12:40:00.000"},
      {"2mins", "2019-07-14 12:40:00.000"},
      {"2minute", "2019-07-14 12:40:00.000"},
      {"2minutes", "2019-07-14 12:40:00.000"},
      {"1h", "2019-07-14 12:00:00.000"},
      {"1hr", "2019-07-14 12:00:00.000"},
      {"1hrs", "2019-07-14 12:00:00.000"},
      {"1hour", "2019-07-14 12:00:00.000"},
      {"1hours", "2019-07-14 12:00:00.000"},
      {"1d", "2019-07-14 00:00:00.000"},
      {"1day", "2019-07-14 00:00:00.000"},
      {"1days", "2019-07-14 00:00:00.000"},
      {"1w", "2019-07-08 00:00:00.000"},  // weeks start on Monday
      {"1week", "2019-07-08 00:00:00.000"},
      {"1weeks", "2019-07-08 00:00:00.000"},
      {"1mo", "2019-07-01 00:00:00.000"},
      {"1mon", "2019-07-01 00:00:00.000"},
      {"1mons", "2019-07-01 00:00:00.000"},
      {"1month", "2019-07-01 00:00:00.000"},
      {"1months", "2019-07-01 00:00:00.000"},
      {"2mo", "2019-07-01 00:00:00.000"},
      {"1q", "2019-07-01 00:00:00.000"},
      {"1qtr", "2019-07-01 00:00:00.000"},
      {"1qtrs", "2019-07-01 00:00:00.000"},
      {"1quarter", "2019-07-01 00:00:00.000"},
      {"1quarters", "2019-07-01 00:00:00.000"},
      {"1y", "2019-01-01 00:00:00.000"},
      {"1yr", "2019-01-01 00:00:00.000"},
      {"1yrs", "2019-01-01 00:00:00.000"},
      {"1year", "2019-01-01 00:00:00.000"},
      {"1years", "2019-01-01 00:00:00.000"},
  };
  for (const Case& c : cases) {
    INFO(c.period);
    const QueryResult r = Query(std::string("filter srcPort = 40001 | stats "
                                            "count(*) by bin(") +
                                c.period + ")");
    REQUIRE(r.rows.size() == 1);
    CHECK(InsightsTime(static_cast<int64_t>(std::get<double>(r.rows[0][0]))) ==
          c.start);
  }
}

TEST_CASE("bin: periods past Insights' caps are errors", "[query][bin]") {
  // AWS: "if you specify bin(300s), CloudWatch Logs actually implements
  // this as 60 seconds"; the caps are 1000ms, 60s, 60m and 24h.
  CHECK(QueryError("stats count(*) by bin(300s)")
            .starts_with("query:1:23: Insights caps a period in s at 60"));
  CHECK(QueryError("stats count(*) by bin(61m)")
            .starts_with("query:1:23: Insights caps a period in m at 60"));
  CHECK(QueryError("stats count(*) by bin(25h)")
            .starts_with("query:1:23: Insights caps a period in h at 24"));
  CHECK(QueryError("stats count(*) by bin(1001ms)")
            .starts_with("query:1:23: Insights caps a period in ms at 1000"));
  CHECK(QueryError("stats count(*) by bin(0m)")
            .starts_with("query:1:23: expected a period such as"));
  CHECK_NOTHROW(Query("stats count(*) by bin(60s), bin(24h), bin(1000ms)"));
}

TEST_CASE("functions: strings", "[query][functions]") {
  // AWS's examples of the string functions.
  CHECK(Value("ltrim(\"xyZxyfooxyZ\",\"xyZ\")") == "fooxyZ");
  CHECK(Value("rtrim(\"xyZfooxyxyZ\",\"xyZ\")") == "xyZfoo");
  CHECK(Value("trim(\"xyZxyfooxyxyZ\",\"xyZ\")") == "foo");
  CHECK(Value("trim(\"  a b \")") == "a b");
  CHECK(Value("ltrim(\" a \")") == "a ");
  CHECK(Value("rtrim(\" a \")") == " a");
  CHECK(Value("substr(\"xyZfooxyZ\",3, 3)") == "foo");
  CHECK(Value("substr(\"xyZfooxyZ\",3)") == "fooxyZ");
  CHECK(Value("substr(\"abc\", 5)") == "");
  CHECK(Value("replace(\"foo\",\"o\",\"0\")") == "f00");
  CHECK(Value("strcontains(srcAddr, \"177\")") == "1");
  CHECK(Value("strcontains(srcAddr, \"178\")") == "0");
  CHECK(Value("concat(srcAddr, \":\", srcPort)") == "61.177.172.1:40000");
  CHECK(Value("strlen(\"h\xC3\xA9llo\")") == "5");  // code points
  CHECK(Value("toupper(action)") == "REJECT");
  CHECK(Value("tolower(action)") == "reject");
  CHECK(Value("isempty(\"\")") == "1");
  CHECK(Value("isempty(nosuchfield)") == "1");
  CHECK(Value("isempty(action)") == "0");
  CHECK(Value("isblank(\" \t\")") == "1");
  CHECK(Value("isblank(action)") == "0");
  CHECK(Value("strlen(nosuchfield)") == "null");
}

TEST_CASE("functions: numbers", "[query][functions]") {
  CHECK(Value("abs(-3)") == "3");
  CHECK(Value("ceil(2.1)") == "3");
  CHECK(Value("floor(2.9)") == "2");
  CHECK(Value("greatest(packets, 7, bytes)") == "40");
  CHECK(Value("least(packets, 7, bytes)") == "1");
  CHECK(Value("sqrt(16)") == "4");
  CHECK(Value("log(1)") == "0");
  CHECK(Value("sqrt(-1)") == "null");
  CHECK(Value("log(0)") == "null");
  CHECK(Value("abs(action)") == "null");
  CHECK(Value("2 ^ 3") == "8");
  CHECK(Value("10 % 3") == "1");
}

TEST_CASE("functions: general and IP addresses", "[query][functions]") {
  CHECK(Value("coalesce(nosuchfield, bytes, packets)") == "40");
  CHECK(Value("coalesce(nosuchfield)") == "null");
  CHECK(Value("ispresent(bytes)") == "1");
  CHECK(Value("ispresent(nosuchfield)") == "0");
  CHECK(Value("isValidIp(srcAddr)") == "1");
  CHECK(Value("isValidIpV4(srcAddr)") == "1");
  CHECK(Value("isValidIpV6(srcAddr)") == "0");
  CHECK(Value("isValidIpV6(\"2001:db8::1\")") == "1");
  CHECK(Value("isValidIp(\"10.0.0.300\")") == "0");
  CHECK(Value("isIpv6InSubnet(\"2001:db8::1\", \"2001:db8::/32\")") == "1");
  CHECK(Value("isIpInSubnet(srcAddr, \"61.177.0.0/16\")") == "1");
}

TEST_CASE("functions: date and time", "[query][functions]") {
  const QueryResult r = Query(
      "filter srcPort = 40001 | fields datefloor(@timestamp, 1h) as f, "
      "dateceil(@timestamp, 1h) as c, dateceil(@timestamp, 1m) as m, "
      "toMillis(@timestamp) as ms, fromMillis(1563108000000) as t, "
      "bin(5m) as b");
  REQUIRE(r.rows.size() == 1);
  auto time = [&](const char* name) {
    return InsightsTime(static_cast<int64_t>(std::stod(Column(r, name)[0])));
  };
  CHECK(time("f") == "2019-07-14 12:00:00.000");
  CHECK(time("c") == "2019-07-14 13:00:00.000");
  CHECK(time("m") == "2019-07-14 12:42:00.000");  // 12:41:10 rounds up
  CHECK(time("t") == "2019-07-14 12:40:00.000");
  CHECK(time("b") == "2019-07-14 12:40:00.000");
  CHECK(Column(r, "ms") == std::vector<std::string>{"1563108070000"});
  CHECK(IsTime(r, "f"));
  CHECK(IsTime(r, "t"));
  CHECK(!IsTime(r, "ms"));
  // A boundary is its own ceiling.
  CHECK(Value("dateceil(fromMillis(1563108000000), 1h)") == "1563109200000");
  CHECK(Value("dateceil(fromMillis(1563105600000), 1h)") == "1563105600000");
  // now() is epoch seconds: AWS's "past two hours" finds nothing from 2019.
  CHECK(Query("filter toMillis(@timestamp) >= (now() * 1000 - 7200000)")
            .rows.empty());
  CHECK(Query("filter now() > 1563108000 | fields srcAddr").rows.size() == 5);
}

TEST_CASE("functions: the wrong arguments are errors", "[query][functions]") {
  CHECK(QueryError("fields substr(\"a\")")
            .starts_with("query:1:8: substr takes 2 or 3 arguments"));
  CHECK(QueryError("fields datefloor(@timestamp, 5)")
            .starts_with("query:1:30: expected a period such as"));
  CHECK(QueryError("fields 5m")
            .starts_with("query:1:8: a period such as 5m is an argument of "
                         "bin, datefloor or dateceil"));
  CHECK(QueryError("fields sum(bytes)")
            .starts_with("query:1:8: sum() is a stats function"));
  CHECK(QueryError("stats sum(count(*))")
            .starts_with("query:1:11: an aggregate inside an aggregate"));
  CHECK(QueryError("stats bytes + 1")
            .starts_with("query:1:7: 'bytes' outside an aggregate function"));
}

TEST_CASE("unsupported parts of the language are errors naming them",
          "[query]") {
  CHECK(QueryError("fields jsonParse(@message) as j")
            .starts_with("query:1:8: unsupported function 'jsonParse'"));
  CHECK(QueryError("fields pow(2, 3)")
            .starts_with("query:1:8: unsupported function 'pow'"));
  CHECK(QueryError("unmask").starts_with(
      "query:1:1: unsupported command 'unmask'"));
  CHECK(QueryError("filter action = \"REJECT\" | pattern @message")
            .starts_with("query:1:28: unsupported command 'pattern'"));
  CHECK(QueryError("limit any 5")
            .starts_with("query:1:7: limit any is not supported"));
}

TEST_CASE("results do not depend on the worker threads", "[query]") {
  // Many records, so that the split gives every worker some.
  std::string records;
  for (int i = 0; i < 400; ++i) {
    records += fmt::format(
        "2 1 e 10.0.{}.{} 10.0.9.9 {} 22 6 1 {} {} {} {} OK\n", i % 3, i % 7,
        1000 + i, 40 + i % 11, 1563108000 + (i % 50) * 7, 1563108400,
        i % 4 ? "ACCEPT" : "REJECT");
  }
  PipelineOptions threads;
  threads.threads = 4;
  threads.span_bytes = 1024;  // a span of about 20 records
  for (const char* q :
       {"stats earliest(srcPort) as e, latest(srcPort) as l, stddev(bytes) as "
        "sd, sortsFirst(srcAddr) as f, pct(bytes, 90) as p by action",
        "fields srcAddr, srcPort | dedup srcAddr",
        "stats count(*) as n by bin(1m) as @t | stats max(n), avg(n) by "
        "dateceil(@t, 5m)",
        "parse @message \"* * * * *\" as a, b, c, src, rest | sort src | "
        "limit 7 | display src, srcPort"}) {
    INFO(q);
    const QueryResult one = Query(q, records);
    const QueryResult four = Query(q, records, threads);
    CHECK(one.columns == four.columns);
    REQUIRE(one.rows.size() == four.rows.size());
    for (size_t i = 0; i < one.rows.size(); ++i) {
      for (size_t j = 0; j < one.columns.size(); ++j) {
        INFO(one.columns[j]);
        const double* a = std::get_if<double>(&one.rows[i][j]);
        const double* b = std::get_if<double>(&four.rows[i][j]);
        if (a != nullptr && b != nullptr) {
          // stddev merges partial sums: the last bit may differ.
          CHECK(*a == Approx(*b).epsilon(1e-12));
        } else {
          CHECK(Text(one.rows[i][j]) == Text(four.rows[i][j]));
        }
      }
    }
  }
}

TEST_CASE("where is filter", "[query]") {
  CHECK(Query("where action = \"REJECT\" | fields srcAddr").rows.size() == 3);
}

}  // namespace
}  // namespace flowmon
