// Queries that used to return wrong rows with exit 0 (issue 12, section 1):
// each gives Insights' answer now, or an error with a caret.
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

TEST_CASE("query answers: sort by a field that is not shown", "[query]") {
  // Was ignored: the rows came back in file order.
  const QueryResult r =
      Query("fields @message | sort @timestamp desc | limit 20");
  REQUIRE(r.columns == std::vector<std::string>{"@message"});
  REQUIRE(r.rows.size() == 5);
  CHECK(std::get<std::string>(r.rows[0][0]).ends_with("NODATA"));
  CHECK(std::get<std::string>(r.rows[4][0]).find("40000 22") !=
        std::string::npos);

  const QueryResult p = Query("fields srcAddr, bytes | sort packets desc");
  REQUIRE(p.columns == std::vector<std::string>{"srcAddr", "bytes"});
  CHECK(Column(p, "srcAddr") ==
        std::vector<std::string>{"10.0.1.25", "61.177.172.1", "61.177.172.1",
                                 "185.220.101.9", "-"});
}

TEST_CASE("query answers: display without fields", "[query]") {
  // AWS's limit example shape; display picked from no columns: all null.
  const QueryResult r =
      Query("sort @timestamp desc | limit 25 | display srcAddr, dstPort");
  REQUIRE(r.columns == std::vector<std::string>{"srcAddr", "dstPort"});
  CHECK(Column(r, "srcAddr") ==
        std::vector<std::string>{"-", "10.0.1.25", "185.220.101.9",
                                 "61.177.172.1", "61.177.172.1"});
  CHECK(Column(r, "dstPort") ==
        std::vector<std::string>{"null", "50000", "3389", "22", "22"});
}

TEST_CASE("query answers: every fields command shows its columns", "[query]") {
  // AWS: "the results display all of the fields that are specified in the
  // fields commands"; a second fields of two names dropped the first's.
  CHECK(Query("fields srcAddr, dstAddr | filter bytes > 0 | fields dstPort, "
              "bytes")
            .columns ==
        std::vector<std::string>{"srcAddr", "dstAddr", "dstPort", "bytes"});
}

TEST_CASE(
    "query answers: the last display wins and hides nothing from "
    "later commands",
    "[query]") {
  const QueryResult r =
      Query("display srcAddr | sort bytes desc | display srcPort, bytes");
  REQUIRE(r.columns == std::vector<std::string>{"srcPort", "bytes"});
  CHECK(Column(r, "bytes") ==
        std::vector<std::string>{"4000", "60", "44", "40", "null"});
}

TEST_CASE("query answers: a limit before the sort takes the newest events",
          "[query]") {
  CHECK(Column(Query("fields srcPort | limit 2 | sort srcPort"), "srcPort") ==
        std::vector<std::string>{"443", "null"});
}

TEST_CASE("query answers: AWS's discovered names of the flow-log fields",
          "[query]") {
  // "Supported logs and discovered fields": startTime and endTime, not
  // start and end (which stay as aliases).
  const QueryResult r = Query(
      "filter srcPort = 40000 | fields startTime, endTime, start, end, "
      "accountId, interfaceId, logStatus, version");
  REQUIRE(r.rows.size() == 1);
  CHECK(std::get<double>(r.rows[0][0]) == 1563108000);
  CHECK(std::get<double>(r.rows[0][1]) == 1563108010);
  CHECK(std::get<double>(r.rows[0][2]) == 1563108000);
  CHECK(std::get<double>(r.rows[0][3]) == 1563108010);
  CHECK(Column(r, "logStatus") == std::vector<std::string>{"OK"});
}

TEST_CASE("query answers: a hyphen is a minus; backticks quote a name",
          "[query]") {
  // Was one field name, "end-start", and null.
  const QueryResult r =
      Query("filter srcPort = 40000 | fields end-start as d, `log-status`");
  REQUIRE(r.columns == std::vector<std::string>{"d", "log-status"});
  CHECK(std::get<double>(r.rows[0][0]) == 10);
  CHECK(std::get<std::string>(r.rows[0][1]) == "OK");
}

TEST_CASE("query answers: dedup keeps the events whose fields are null",
          "[query]") {
  // AWS: "Null values are not considered duplicates for evaluation."
  const char* const records =
      "2 1 e 10.0.0.1 10.0.0.2 1 2 6 1 40 1563108000 1563108010 ACCEPT OK\n"
      "2 1 e - - - - - - - 1563108060 1563108070 - NODATA\n"
      "2 1 e 10.0.0.1 10.0.0.3 1 2 6 1 40 1563108120 1563108130 ACCEPT OK\n"
      "2 1 e - - - - - - - 1563108180 1563108190 - NODATA\n";
  const QueryResult r = Query(
      "fields @timestamp, bytes | sort @timestamp asc | dedup bytes", records);
  CHECK(Column(r, "bytes") == std::vector<std::string>{"40", "null", "null"});
}

TEST_CASE("query answers: dedup without a sort keeps the newest event",
          "[query]") {
  // AWS: unsorted results go through dedup newest first (@timestamp desc).
  const QueryResult r = Query("fields srcAddr, srcPort | dedup srcAddr");
  CHECK(Column(r, "srcPort") ==
        std::vector<std::string>{"null", "443", "40002", "40001"});
}

TEST_CASE("query answers: fields after stats is an error, not dropped",
          "[query]") {
  CHECK(QueryError("stats count(*) as n by srcAddr | fields n * 2 as m") ==
        "query:1:34: fields after stats is not supported (compute it in "
        "stats, as in stats sum(bytes) / 1048576 as mb; choose columns with "
        "display)\n"
        "  stats count(*) as n by srcAddr | fields n * 2 as m\n"
        "                                   ^");
}

TEST_CASE("query answers: what is not supported is an error, not ignored",
          "[query]") {
  // sort and limit before stats were dropped without a word.
  CHECK(QueryError("sort bytes | stats count(*)")
            .starts_with("query:1:1: sort before stats is not supported"));
  CHECK(QueryError("limit 2 | stats count(*)")
            .starts_with("query:1:1: limit before stats is not supported"));
  // A sort key that names no column of the stats was skipped.
  CHECK(QueryError("stats count(*) as n by srcAddr | sort bytes")
            .starts_with("query:1:39: 'bytes' is not a column of the stats "
                         "before"));
  // A function with the wrong number of arguments was false or null.
  CHECK(QueryError("filter isIpv4InSubnet(srcAddr)")
            .starts_with("query:1:8: isIpv4InSubnet takes 2 arguments"));
  // limit 3e21 overflowed; AWS's largest limit is 100,000.
  CHECK(QueryError("limit 3e21")
            .starts_with("query:1:7: expected a number after limit"));
  CHECK(
      QueryError("limit 100001")
          .starts_with("query:1:7: limit is at most 100000 (as in Insights)"));
  CHECK(QuerySink::Create("limit 100000").ok());
  // limit 1.5 was limit 1.
  CHECK(QueryError("limit 1.5")
            .starts_with("query:1:7: expected a number after limit"));
  // An unterminated /regex/ or `name` ran to the end of the query.
  CHECK(QueryError("filter srcAddr like /^10")
            .starts_with("query:1:21: unterminated regular expression"));
  CHECK(QueryError("fields `log-status")
            .starts_with("query:1:8: unterminated `name`"));
  // Fields Insights has that flowmon cannot know locally.
  CHECK(QueryError("fields @logStream")
            .starts_with("query:1:8: @logStream is not available"));
}

TEST_CASE("query answers: a time against text is an error", "[query]") {
  // "2019-07-14 12:45" is no number: it sorted before every timestamp, so
  // this kept every event.
  CHECK(QueryError("filter @timestamp > \"2019-07-14 12:45\"")
            .starts_with("query:1:19: a time compares with epoch "
                         "milliseconds, not text"));
  CHECK(QueryError("filter bin(5m) like \"2019\"")
            .starts_with("query:1:16: a time is epoch milliseconds"));
  CHECK(
      Query("filter @timestamp > 1563108100000 | fields srcAddr").rows.size() ==
      3);
}

TEST_CASE("query answers: =~ with a string matches a substring", "[query]") {
  // AWS: quotes make like and =~ a substring match; only /.../ is a regex.
  // "10.0.1.2" as a regex also matched 10.0.1.25's neighbours such as
  // 10.0.102.x; as a substring it is exact text.
  const char* const records =
      "2 1 e 10.0.1.25 10.0.2.1 1 2 6 1 40 1563108000 1563108010 ACCEPT OK\n"
      "2 1 e 10.0.102.5 10.0.2.1 1 2 6 1 40 1563108000 1563108010 ACCEPT OK\n";
  CHECK(Query("filter srcAddr =~ \"10.0.1.2\" | fields srcAddr", records)
            .rows.size() == 1);
  CHECK(Query("filter srcAddr =~ /10.0.1.2/ | fields srcAddr", records)
            .rows.size() == 2);
}

}  // namespace
}  // namespace flowmon
