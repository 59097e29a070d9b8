// Column-wise reading (FieldNeeds): the Parquet reader decodes only the
// needed columns, the test columns first, renders the others only for rows
// that pass, and decodes row groups on several threads in order.
#include <sstream>
#include <string>
#include <vector>

#include "catch.h"
#include "flowmon/core/schema.h"
#include "flowmon/ingest/field_needs.h"
#include "flowmon/ingest/source.h"
#include "ingest/ingest_test_util.h"

namespace flowmon {
namespace {

const std::string kDir = FLOWMON_TESTS_DATA_DIR "/parquet/";

std::string ReadAll(const std::string& path, const SourceOptions& options) {
  Result<std::unique_ptr<Source>> s = OpenSource(path, options);
  REQUIRE(s.ok());
  Status status;
  std::string all = testing::DrainSource(**s, &status);
  REQUIRE(status.ok());
  return all;
}

std::vector<std::vector<std::string>> Rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::vector<std::string> row;
    std::string f;
    while (fields >> f) row.push_back(f);
    rows.push_back(row);
  }
  return rows;
}

TEST_CASE("FieldNeeds resolves names and positions against a schema",
          "[parquet][field_needs]") {
  const Schema v2 = Schema::DefaultV2();  // 14 fields, action 12th
  FieldNeeds needs = FieldNeeds::None();
  needs.Add(std::string("srcaddr"));
  needs.Add(FieldRef{"", 1, true});  // the one before the last: action
  needs.AddOfRejected(FieldRef{"start"});
  needs.AddTest(
      {FieldRef{"", 0, false}, [](std::string_view) { return true; }});
  needs.Add(std::string("no-such-field"));
  const FieldNeeds::Resolved r = needs.Resolve(v2);
  std::vector<uint8_t> want(14, 0);
  want[0] = want[3] = want[10] = want[12] = 1;
  CHECK(r.needed == want);
  std::vector<uint8_t> rejected(14, 0);
  rejected[0] = rejected[10] = 1;
  CHECK(r.of_rejected == rejected);
  REQUIRE(r.tests.size() == 1);
  CHECK(r.tests[0].first == 0);
  // A position past the fields names none.
  FieldNeeds far = FieldNeeds::None();
  far.Add(FieldRef{"", 14, false});
  CHECK(far.Resolve(v2).needed == std::vector<uint8_t>(14, 0));
  CHECK(FieldNeeds::All().Resolve(v2).needed == std::vector<uint8_t>(14, 1));
}

TEST_CASE("Parquet decodes only the needed columns, tests first",
          "[parquet][field_needs]") {
  const std::vector<std::vector<std::string>> text =
      Rows(ReadAll(kDir + "flows.log", SourceOptions()));
  for (const char* name :
       {"flows_gzip.parquet", "flows_snappy.parquet", "flows_none.parquet"}) {
    INFO(name);
    for (const unsigned threads : {1u, 2u, 3u}) {
      INFO("threads " << threads);
      SourceOptions options;
      options.threads = threads;
      options.fields = FieldNeeds::None();
      options.fields.Add(std::string("srcaddr"));
      options.fields.AddOfRejected(FieldRef{"start"});
      options.fields.AddTest({FieldRef{"action"}, [](std::string_view v) {
                                return v == "REJECT";
                              }});
      const std::vector<std::vector<std::string>> rows =
          Rows(ReadAll(kDir + name, options));
      // Both start with the header line, whole.
      REQUIRE(rows.size() == text.size());
      CHECK(rows[0] == text[0]);
      size_t rejects = 0;
      for (size_t i = 1; i < text.size(); ++i) {
        const std::vector<std::string>& want = text[i];
        const std::vector<std::string>& got = rows[i];
        REQUIRE(got.size() == want.size());
        const bool pass = want[12] == "REJECT";
        rejects += pass;
        for (size_t c = 0; c < want.size(); ++c) {
          // action (tested) and start (of rejected rows too) always;
          // srcaddr only where the row passes; the rest never.
          const bool shown = c == 12 || c == 10 || (c == 3 && pass);
          INFO("row " << i << " column " << c);
          CHECK(got[c] == (shown ? want[c] : "-"));
        }
      }
      CHECK(rejects > 0);
      CHECK(rejects < text.size());
    }
  }
}

TEST_CASE("Parquet with every field needed reads as text on any threads",
          "[parquet][field_needs]") {
  const std::string text = ReadAll(kDir + "flows.log", SourceOptions());
  for (const unsigned threads : {1u, 2u, 4u}) {
    SourceOptions options;
    options.threads = threads;
    CHECK(ReadAll(kDir + "flows_gzip.parquet", options) == text);
  }
}

TEST_CASE("Parquet skips columns no row needs", "[parquet][field_needs]") {
  // A test no row passes: only the tested column and the fields of
  // rejected rows are read; the rest is "-" in every row.
  const std::vector<std::vector<std::string>> text =
      Rows(ReadAll(kDir + "flows.log", SourceOptions()));
  SourceOptions options;
  options.fields = FieldNeeds::None();
  options.fields.Add(std::string("bytes"));
  options.fields.AddTest(
      {FieldRef{"action"}, [](std::string_view) { return false; }});
  const std::vector<std::vector<std::string>> rows =
      Rows(ReadAll(kDir + "flows_gzip.parquet", options));
  REQUIRE(rows.size() == text.size());
  for (size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == text[i].size());
    for (size_t c = 0; c < rows[i].size(); ++c) {
      CHECK(rows[i][c] == (c == 12 ? text[i][c] : "-"));
    }
  }
}

}  // namespace
}  // namespace flowmon
